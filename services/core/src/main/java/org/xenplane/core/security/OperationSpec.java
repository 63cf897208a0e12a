package org.xenplane.core.security;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.xenplane.core.error.ErrorCode;

/**
 * The declaration of one operation: its id, who calls it, the least role, whether it changes
 * anything, the states of its object in which it may run and the error codes it raises. Built with
 * the factory methods and {@link #in} / {@link #raises}, so that each enum constant reads as one
 * declaration, e.g. {@code OperationSpec.changes("host.destroy", Role.POOL_OPERATOR).in("not live").raises(HOST_IS_LIVE)}.
 *
 * @param allowedStates the states of the object in which the operation may run, as the API writes them;
 *                      empty when it does not depend on one (reads, creates)
 * @param errors        the codes the operation answers (or its task fails with) besides those every
 *                      operation may answer ({@link CommonErrors})
 */
public record OperationSpec(String id, CallerKind caller, Role minimumRole, boolean mutating,
                            List<String> allowedStates, List<ErrorCode> errors) {

    public OperationSpec {
        Objects.requireNonNull(id);
        if (!id.matches("[a-z_]+\\.[a-z_]+")) {
            throw new IllegalArgumentException("operation ids look like class.verb: " + id);
        }
        allowedStates = List.copyOf(allowedStates);
        errors = List.copyOf(errors);
        if (errors.stream().distinct().count() != errors.size()) {
            throw new IllegalArgumentException(id + " declares an error twice: " + errors);
        }
    }

    /** A read a user with at least {@code role} may make. */
    public static OperationSpec reads(String id, Role role) {
        return new OperationSpec(id, CallerKind.USER, role, false, List.of(), List.of());
    }

    /** A change a user with at least {@code role} may make. */
    public static OperationSpec changes(String id, Role role) {
        return new OperationSpec(id, CallerKind.USER, role, true, List.of(), List.of());
    }

    /** A call only a host daemon makes, with its host credential. */
    public static OperationSpec byHost(String id) {
        return new OperationSpec(id, CallerKind.HOST, null, true, List.of(), List.of());
    }

    /** A call that authenticates itself (e.g. with a join token in its body). */
    public static OperationSpec anonymous(String id) {
        return new OperationSpec(id, CallerKind.ANONYMOUS, null, true, List.of(), List.of());
    }

    /** This declaration, allowed only in these states of its object. */
    public OperationSpec in(String... states) {
        return new OperationSpec(id, caller, minimumRole, mutating, Arrays.asList(states), errors);
    }

    /** This declaration, raising these codes. */
    public OperationSpec raises(ErrorCode... codes) {
        return new OperationSpec(id, caller, minimumRole, mutating, allowedStates, Arrays.asList(codes));
    }
}
