package org.xenplane.core.security;

import java.util.Objects;

/**
 * The declaration of one operation: its id, who calls it, the least role and whether it changes
 * anything. Built with the factory methods so that each enum constant reads as one line.
 */
public record OperationSpec(String id, CallerKind caller, Role minimumRole, boolean mutating) {

    public OperationSpec {
        Objects.requireNonNull(id);
        if (!id.matches("[a-z_]+\\.[a-z_]+")) {
            throw new IllegalArgumentException("operation ids look like class.verb: " + id);
        }
    }

    /** A read a user with at least {@code role} may make. */
    public static OperationSpec reads(String id, Role role) {
        return new OperationSpec(id, CallerKind.USER, role, false);
    }

    /** A change a user with at least {@code role} may make. */
    public static OperationSpec changes(String id, Role role) {
        return new OperationSpec(id, CallerKind.USER, role, true);
    }

    /** A call only a host daemon makes, with its host credential. */
    public static OperationSpec byHost(String id) {
        return new OperationSpec(id, CallerKind.HOST, null, true);
    }

    /** A call that authenticates itself (e.g. with a join token in its body). */
    public static OperationSpec anonymous(String id) {
        return new OperationSpec(id, CallerKind.ANONYMOUS, null, true);
    }
}
