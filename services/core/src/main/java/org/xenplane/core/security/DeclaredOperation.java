package org.xenplane.core.security;

/**
 * An operation declared once, with who may call it. Each resource declares its operations in one
 * enum implementing this interface (for example {@code HostOperation}); the RBAC check,
 * {@code allowedOperations}, the permission-matrix test and the docs all read from it.
 */
public interface DeclaredOperation {

    OperationSpec spec();

    /** The stable name, {@code <class>.<verb>}, e.g. {@code host.disable}. */
    default String id() {
        return spec().id();
    }

    /** Who calls it: users (with {@link #minimumRole()}), host daemons, or anyone. */
    default CallerKind caller() {
        return spec().caller();
    }

    /** The least role allowed, for {@link CallerKind#USER} operations. */
    default Role minimumRole() {
        return spec().minimumRole();
    }

    /** True for operations that change state; they are recorded as tasks and audited. */
    default boolean mutating() {
        return spec().mutating();
    }

    /** The object class the operation acts on: the part of the id before the dot. */
    default String objectClass() {
        return id().substring(0, id().indexOf('.'));
    }
}
