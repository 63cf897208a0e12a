package org.xenplane.core.error;

import java.util.List;

/**
 * The one catalog of error codes. Each code carries its HTTP status and the names of its
 * parameters, in the spirit of XenAPI's error list ({@code VM_BAD_POWER_STATE vm expected actual}).
 * Codes are stable: clients match on them, so a code is never renamed or reused.
 */
public enum ErrorCode {
    // 400: the request itself is wrong
    INVALID_JSON(400, "detail"),
    MEMORY_CONSTRAINT_VIOLATION(400, "constraint"),
    INVALID_FIELD(400, "field", "reason"),
    UUID_INVALID(400, "class", "value"),
    INVALID_PARAMETER(400, "parameter", "reason"),
    EVENT_CLASS_UNKNOWN(400, "class"),
    // 400: metric queries
    METRICS_DATA_SOURCE_UNKNOWN(400, "object", "data_source"),
    METRICS_TIME_RANGE_INVALID(400, "start", "end"),
    METRICS_RESOLUTION_INVALID(400, "resolution", "allowed"),
    // 401, 403: who is calling and may they
    SESSION_AUTHENTICATION_FAILED(401),
    RBAC_PERMISSION_DENIED(403, "operation", "required_role"),
    JOIN_TOKEN_INVALID(401),
    // 404, 405, 406, 410, 413, 415: the addressed thing
    HANDLE_INVALID(404, "class", "id"),
    NOT_FOUND(404, "path"),
    METHOD_NOT_ALLOWED(405, "method"),
    NOT_ACCEPTABLE(406),
    EVENTS_LOST(410, "token", "oldest_kept"),
    REQUEST_TOO_LARGE(413, "limit_bytes"),
    UNSUPPORTED_MEDIA_TYPE(415, "content_type"),
    // 409: the state of the world does not allow it now
    OBJECT_CHANGED_CONCURRENTLY(409, "class", "id"),
    OTHER_OPERATION_IN_PROGRESS(409, "class", "id", "operation"),
    OPERATION_NOT_ALLOWED(409, "operation", "reason"),
    TASK_ALREADY_FINISHED(409, "task", "status"),
    IDEMPOTENCY_KEY_REUSED(422, "key", "operation", "target"),
    HOST_IS_LIVE(409, "host"),
    HOST_ALREADY_REGISTERED(409, "host"),
    // 409: VMs (XenAPI's names and parameters)
    VM_BAD_POWER_STATE(409, "vm", "expected", "actual"),
    VM_IS_TEMPLATE(409, "vm"),
    VM_IS_SNAPSHOT(409, "vm"),
    VM_MISSING(409, "vm", "host"),
    VM_SHUTDOWN_TIMEOUT(409, "vm", "timeout"),
    VM_REBOOT_TIMEOUT(409, "vm", "timeout"),
    HOST_NOT_ENOUGH_FREE_MEMORY(409, "needed", "available"),
    NO_HOSTS_AVAILABLE(409),
    HOST_DISABLED(409, "host"),
    HOST_NOT_LIVE(409, "host"),
    // 5xx: our side
    HOST_OFFLINE(503, "host"),
    HOST_DAEMON_ERROR(502, "host", "detail"),
    /** The hypervisor on a host failed: libxl's error name (e.g. ERROR_FAIL) and the function that returned it. */
    HYPERVISOR_ERROR(502, "host", "error", "function", "detail"),
    INTERNAL_ERROR(500, "reference");

    private final int httpStatus;
    private final List<String> parameterNames;

    ErrorCode(int httpStatus, String... parameterNames) {
        this.httpStatus = httpStatus;
        this.parameterNames = List.of(parameterNames);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    /** A short human title derived from the code, e.g. {@code HANDLE_INVALID} to "Handle invalid". */
    public String title() {
        String words = name().replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
