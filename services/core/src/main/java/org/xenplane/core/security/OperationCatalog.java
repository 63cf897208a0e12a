package org.xenplane.core.security;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every operation that the services in this process declare, by id. Each service contributes
 * its operation enums through an {@link OperationSet} bean.
 */
@ApplicationScoped
public class OperationCatalog {
    private final Map<String, DeclaredOperation> byId = new TreeMap<>();

    public OperationCatalog(@All List<OperationSet> sets) {
        for (OperationSet set : sets) {
            for (DeclaredOperation op : set.operations()) {
                DeclaredOperation previous = byId.putIfAbsent(op.id(), op);
                if (previous != null && previous != op) {
                    throw new IllegalStateException("operation " + op.id() + " is declared twice");
                }
            }
        }
    }

    public Optional<DeclaredOperation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<DeclaredOperation> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** A service's declared operations; one bean per operation enum. */
    public interface OperationSet {
        List<DeclaredOperation> operations();

        static OperationSet of(DeclaredOperation[] values) {
            List<DeclaredOperation> list = Arrays.asList(values);
            return () -> list;
        }
    }
}
