package org.xenplane.core.security;

import java.util.List;
import org.xenplane.core.error.ErrorCode;

/**
 * An operation declared once, with who may call it. Each resource declares its operations in one
 * enum implementing this interface (for example {@code HostOperation}); the RBAC check,
 * {@code allowedOperations}, the OpenAPI document (its responses, error codes and states), the
 * permission-matrix test and the docs all read from it, and at run time {@link OperationCatalog}
 * hands every declaration to whoever needs it (XenAPI, the CLI, the console's enabled actions).
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

    /**
     * The states of the object in which the operation may run, as the API writes them (e.g.
     * {@code halted}); empty when it does not depend on one.
     */
    default List<String> allowedStates() {
        return spec().allowedStates();
    }

    /**
     * The codes the operation answers, or its task fails with, besides those every operation may
     * answer ({@link CommonErrors}). {@code DeclaredErrorsTest} holds them to the truth.
     */
    default List<ErrorCode> errors() {
        return spec().errors();
    }

    /** The object class the operation acts on: the part of the id before the dot. */
    default String objectClass() {
        return id().substring(0, id().indexOf('.'));
    }
}
