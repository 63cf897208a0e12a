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
    SR_UNKNOWN_DRIVER(400, "type"),
    SR_DEVICE_CONFIG_INVALID(400, "key", "reason"),
    VDI_CONTENT_INVALID(400, "reason"),
    VDI_TOO_SMALL(400, "vdi", "virtual_size", "image_size"),
    // 400: metric queries
    METRICS_DATA_SOURCE_UNKNOWN(400, "object", "data_source"),
    METRICS_TIME_RANGE_INVALID(400, "start", "end"),
    METRICS_RESOLUTION_INVALID(400, "resolution", "allowed"),
    // 400: per-object alarm thresholds (other_config:perfmon in XenServer)
    ALARM_THRESHOLD_INVALID(400, "threshold", "value", "allowed"),
    // 401, 403: who is calling and may they
    SESSION_AUTHENTICATION_FAILED(401),
    RBAC_PERMISSION_DENIED(403, "operation", "required_role"),
    JOIN_TOKEN_INVALID(401),
    WRONG_PASSWORD(403),
    PASSWORD_TOO_WEAK(400, "reason"),
    // 404, 405, 406, 410, 413, 415: the addressed thing
    HANDLE_INVALID(404, "class", "id"),
    NOT_FOUND(404, "path"),
    METHOD_NOT_ALLOWED(405, "method"),
    NOT_ACCEPTABLE(406),
    EVENTS_LOST(410, "token", "oldest_kept"),
    VDI_MISSING(404, "sr", "vdi"),
    LENGTH_REQUIRED(411),
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
    USER_ALREADY_EXISTS(409, "name"),
    LAST_POOL_ADMIN(409, "user"),
    // networks: the network service and the daemons' network drivers (same names on both sides)
    MAC_INVALID(400, "mac", "reason"),
    MTU_INVALID(400, "mtu", "min", "max"),
    VLAN_TAG_INVALID(400, "tag"),
    PIF_BOND_NEEDS_MORE_MEMBERS(400, "count"),
    PIF_CANNOT_BOND_CROSS_HOST(400, "pif"),
    PIF_UNKNOWN_DEVICE(404, "host", "device"),
    MAC_ALREADY_IN_USE(409, "mac"),
    VLAN_TAG_IN_USE(409, "pif", "tag"),
    NETWORK_IN_USE(409, "network", "reason"),
    NETWORK_CONTAINS_PIF(409, "network", "pifs"),
    NETWORK_ALREADY_CONNECTED(409, "network", "pif"),
    BRIDGE_NAME_IN_USE(409, "bridge"),
    PIF_IS_MANAGEMENT_INTERFACE(409, "host", "device"),
    PIF_IS_VLAN(409, "pif"),
    PIF_ALREADY_BONDED(409, "pif"),
    CANNOT_ADD_VLAN_TO_BOND_SLAVE(409, "pif"),
    PIF_IN_USE(409, "pif", "reason"),
    DEVICE_ALREADY_EXISTS(409, "vm", "device"),
    DEVICE_BUSY(409, "host", "device", "reason"),
    BRIDGE_IN_USE(409, "host", "bridge", "reason"),
    BRIDGE_MISSING(409, "host", "bridge"),
    HOST_CANNOT_ATTACH_NETWORK(409, "host", "network"),
    VM_BAD_POWER_STATE(409, "vm", "expected", "actual"),
    NETWORK_BACKEND_FAILURE(502, "host", "detail"),
    // storage
    SR_FULL(409, "sr", "requested", "available"),
    SR_HAS_PBDS_ATTACHED(409, "sr"),
    SR_HAS_NO_PBDS(409, "sr"),
    SR_NOT_ATTACHED(409, "sr", "host"),
    VDI_IN_USE(409, "vdi", "vm"),
    VDI_READ_ONLY(409, "vdi"),
    VBD_NOT_EMPTY(409, "vbd"),
    VBD_IS_EMPTY(409, "vbd"),
    VBD_NOT_REMOVABLE_MEDIA(409, "vbd"),
    // 409: VMs (XenAPI's names and parameters)
    VM_IS_TEMPLATE(409, "vm"),
    VM_IS_SNAPSHOT(409, "vm"),
    VM_MISSING(409, "vm", "host"),
    VM_SHUTDOWN_TIMEOUT(409, "vm", "timeout"),
    VM_REBOOT_TIMEOUT(409, "vm", "timeout"),
    HOST_NOT_ENOUGH_FREE_MEMORY(409, "needed", "available"),
    NO_HOSTS_AVAILABLE(409),
    HOST_DISABLED(409, "host"),
    HOST_NOT_LIVE(409, "host"),
    // 429: slow down
    AUTHENTICATION_THROTTLED(429, "retry_after_seconds"),
    AUTHENTICATION_LOCKED_OUT(429, "retry_after_seconds"),
    // 5xx: our side
    HOST_OFFLINE(503, "host"),
    /** The VM service cannot reach the storage service (none in the process, no xenplane.storage.url, or unreachable). */
    STORAGE_SERVICE_UNAVAILABLE(503, "vm", "detail"),
    HOST_DAEMON_ERROR(502, "host", "detail"),
    SR_BACKEND_FAILURE(502, "sr", "detail"),
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
