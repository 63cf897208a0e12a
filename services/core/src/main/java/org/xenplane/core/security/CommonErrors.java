package org.xenplane.core.security;

import static org.xenplane.core.error.ErrorCode.DATABASE_UNAVAILABLE;
import static org.xenplane.core.error.ErrorCode.HANDLE_INVALID;
import static org.xenplane.core.error.ErrorCode.HOST_DAEMON_ERROR;
import static org.xenplane.core.error.ErrorCode.IDEMPOTENCY_KEY_REUSED;
import static org.xenplane.core.error.ErrorCode.INTERNAL_ERROR;
import static org.xenplane.core.error.ErrorCode.INVALID_FIELD;
import static org.xenplane.core.error.ErrorCode.INVALID_JSON;
import static org.xenplane.core.error.ErrorCode.INVALID_PARAMETER;
import static org.xenplane.core.error.ErrorCode.LENGTH_REQUIRED;
import static org.xenplane.core.error.ErrorCode.NOT_ACCEPTABLE;
import static org.xenplane.core.error.ErrorCode.OBJECT_CHANGED_CONCURRENTLY;
import static org.xenplane.core.error.ErrorCode.OTHER_OPERATION_IN_PROGRESS;
import static org.xenplane.core.error.ErrorCode.RBAC_PERMISSION_DENIED;
import static org.xenplane.core.error.ErrorCode.REQUEST_TOO_LARGE;
import static org.xenplane.core.error.ErrorCode.SESSION_AUTHENTICATION_FAILED;
import static org.xenplane.core.error.ErrorCode.SESSION_INVALID;
import static org.xenplane.core.error.ErrorCode.TASK_OWNER_LOST;
import static org.xenplane.core.error.ErrorCode.UNSUPPORTED_MEDIA_TYPE;
import static org.xenplane.core.error.ErrorCode.UUID_INVALID;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.xenplane.core.error.ErrorCode;

/**
 * The codes any operation may answer without declaring them, as XenAPI leaves {@code HANDLE_INVALID}
 * and {@code SESSION_INVALID} implicit: a malformed request (a body's fields included: every body is
 * read strictly), an unknown object, the caller's credentials and role, a change that meets another (the
 * object changed, or another operation holds it) or a reused idempotency key, and the failures of the
 * platform itself (database, host daemon, a crash).
 * An operation's own {@link DeclaredOperation#errors()} come on top.
 */
public final class CommonErrors {
    private static final Set<ErrorCode> REQUEST = EnumSet.of(INVALID_JSON, INVALID_FIELD, INVALID_PARAMETER, UUID_INVALID,
            HANDLE_INVALID, NOT_ACCEPTABLE, UNSUPPORTED_MEDIA_TYPE, LENGTH_REQUIRED, REQUEST_TOO_LARGE);
    private static final Set<ErrorCode> PLATFORM = EnumSet.of(DATABASE_UNAVAILABLE, HOST_DAEMON_ERROR, INTERNAL_ERROR);
    private static final Set<ErrorCode> CALLER = EnumSet.of(SESSION_AUTHENTICATION_FAILED, SESSION_INVALID,
            RBAC_PERMISSION_DENIED);
    private static final Set<ErrorCode> CHANGE = EnumSet.of(IDEMPOTENCY_KEY_REUSED, OBJECT_CHANGED_CONCURRENTLY,
            OTHER_OPERATION_IN_PROGRESS, TASK_OWNER_LOST);

    private CommonErrors() {
    }

    /** The codes {@code op} may answer without declaring them. */
    public static Set<ErrorCode> of(DeclaredOperation op) {
        Set<ErrorCode> codes = EnumSet.copyOf(REQUEST);
        codes.addAll(PLATFORM);
        if (op.caller() != CallerKind.ANONYMOUS) {
            codes.addAll(CALLER);
        }
        if (op.mutating()) {
            codes.addAll(CHANGE);
        }
        return codes;
    }

    /** Every code {@code op} may answer: its own, then the common ones, each once. */
    public static List<ErrorCode> withCommon(DeclaredOperation op) {
        List<ErrorCode> all = new ArrayList<>(op.errors());
        of(op).stream().filter(code -> !all.contains(code)).forEach(all::add);
        return all;
    }
}
