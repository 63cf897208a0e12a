package org.xenplane.core.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog;

/**
 * The object classes a client may subscribe to: the classes of the declared operations
 * ({@code host} from {@code host.disable}) plus {@code task}.
 */
@ApplicationScoped
public class EventClasses {
    private final Set<String> known = new TreeSet<>();

    public EventClasses(OperationCatalog catalog) {
        known.add("task");
        for (DeclaredOperation op : catalog.all()) {
            known.add(op.id().substring(0, op.id().indexOf('.')));
        }
    }

    /** Parses {@code host,vm}; empty or blank means every class. */
    public List<String> parse(String classes) {
        if (classes == null || classes.isBlank()) {
            return List.of();
        }
        List<String> parsed = Arrays.stream(classes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String c : parsed) {
            if (!known.contains(c)) {
                throw new XenplaneException(ErrorCode.EVENT_CLASS_UNKNOWN, c.length() > 64 ? c.substring(0, 64) : c);
            }
        }
        return parsed;
    }
}
