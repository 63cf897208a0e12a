package org.xenplane.xenapi.service;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.xenplane.core.security.OperationCatalog;

/**
 * Every XenAPI message, by name. Each message names a declared operation, which must exist in
 * the {@link OperationCatalog}: a message cannot carry a permission of its own.
 */
@ApplicationScoped
public class MessageRegistry {
    private final Map<String, Message> byName = new TreeMap<>();

    public MessageRegistry(@All List<Message.Source> sources, OperationCatalog catalog) {
        for (Message.Source source : sources) {
            for (Message m : source.messages()) {
                if (m.operation() != null && catalog.find(m.operation()).isEmpty()) {
                    throw new IllegalStateException("XenAPI " + m.name() + " names the undeclared operation " + m.operation());
                }
                if (byName.putIfAbsent(m.name(), m) != null) {
                    throw new IllegalStateException("XenAPI " + m.name() + " is declared twice");
                }
            }
        }
    }

    public Optional<Message> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
