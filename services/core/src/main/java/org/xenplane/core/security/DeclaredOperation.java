package org.xenplane.core.security;

/**
 * An operation declared once, with the least role allowed to call it. Each resource declares its
 * operations in one enum implementing this interface (for example {@code HostOperation}); the
 * RBAC check, {@code allowedOperations} and the API docs read from that declaration.
 */
public interface DeclaredOperation {

    /** The stable name, {@code <class>.<verb>}, e.g. {@code host.disable}. */
    String id();

    /** Who calls it: users (with {@link #minimumRole()}), host daemons, or anyone. */
    CallerKind caller();

    /** The least role allowed, for {@link CallerKind#USER} operations. */
    Role minimumRole();

    /** True for operations that change state; they are audited and recorded as tasks. */
    boolean mutating();
}
