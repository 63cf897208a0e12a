package org.xenplane.core.error;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one catalog of error codes. Each code carries its HTTP status, a human title, a detail sentence
 * that says what to do (with {@code {parameter}} placeholders) and the names of its parameters, in
 * the spirit of XenAPI's error list ({@code VM_BAD_POWER_STATE vm expected actual}).
 * Codes are stable: clients match on them, so a code is never renamed or reused.
 */
public enum ErrorCode {
    // 400: the request itself is wrong
    INVALID_JSON(400, "Malformed JSON",
            "The request body is not valid JSON ({detail}). Fix the JSON and send the request again.", "detail"),
    MEMORY_CONSTRAINT_VIOLATION(400, "Memory settings conflict",
            "The memory settings must satisfy {constraint}, but they are memoryStaticMin={static_min}, "
            + "memoryDynamicMin={dynamic_min}, memoryDynamicMax={dynamic_max}, memoryStaticMax={static_max} "
            + "(bytes). Change them so that the rule holds.",
            "constraint", "static_min", "dynamic_min", "dynamic_max", "static_max"),
    INVALID_FIELD(400, "Invalid field in the request",
            "The field '{field}' is not valid: {reason}. Correct it and send the request again.", "field", "reason"),
    UUID_INVALID(400, "Not an id",
            "'{value}' is not a {class} id: ids are UUIDs such as 6a1f2d3e-0000-4000-8000-000000000001, "
            + "not names. List the {class} objects to find the id, and use that.", "class", "value"),
    INVALID_PARAMETER(400, "Invalid query parameter or header",
            "The parameter '{parameter}' is not valid: {reason}. Correct it and send the request again.",
            "parameter", "reason"),
    EVENT_CLASS_UNKNOWN(400, "Unknown event class",
            "There are no events of class '{class}'. Name known classes (such as vm, host, task) in "
            + "classes, or leave it out to receive every class.", "class"),
    SR_UNKNOWN_DRIVER(400, "Unknown storage type",
            "There is no storage driver of type '{type}'. Use one of the types listed in the storage "
            + "service's documentation.", "type"),
    SR_DEVICE_CONFIG_INVALID(400, "Invalid storage configuration",
            "The device-config key '{key}' is not valid: {reason}. Correct deviceConfig and try again.", "key", "reason"),
    VDI_CONTENT_INVALID(400, "Unusable disk image",
            "The disk image cannot be used: {reason}. Send a raw or qcow2 image.", "reason"),
    VDI_TOO_SMALL(400, "Disk too small for the image",
            "The image needs {image_size} bytes but disk {vdi} holds only {virtual_size}. Resize the disk "
            + "or create a larger one, then import again.", "vdi", "virtual_size", "image_size"),
    // 400: metric queries
    METRICS_DATA_SOURCE_UNKNOWN(400, "Unknown data source",
            "{object} has no data source '{data_source}'. Ask for one of: {valid}.", "object", "data_source", "valid"),
    METRICS_TIME_RANGE_INVALID(400, "Invalid time range",
            "The time range from {start} to {end} is empty or reversed. Give a start before the end.", "start", "end"),
    METRICS_RESOLUTION_INVALID(400, "Unsupported resolution",
            "Samples at a resolution of {resolution} seconds are not kept. Use one of: {allowed}.", "resolution", "allowed"),
    // 400: per-object alarm thresholds (other_config:perfmon in XenServer)
    ALARM_THRESHOLD_INVALID(400, "Invalid alarm threshold",
            "The alarm setting {threshold}={value} is out of range. Use a value in {allowed}.",
            "threshold", "value", "allowed"),
    // 400: HA settings (XenAPI pool.enable_ha, host_failures_to_tolerate)
    HA_CONFIG_INVALID(400, "Invalid HA setting",
            "The HA setting {setting}={value} is out of range. Use a value in {allowed}.", "setting", "value", "allowed"),
    // 401, 403: who is calling and may they (a 401 also carries WWW-Authenticate)
    SESSION_AUTHENTICATION_FAILED(401, "Authentication failed",
            "Authentication failed: {reason}. Log in with POST /api/v1/session and send the token as "
            + "'Authorization: Bearer <token>'.", "reason"),
    SESSION_INVALID(401, "Session invalid or expired",
            "The token is not valid: {reason}. Log in again with POST /api/v1/session and use the new "
            + "token.", "reason"),
    RBAC_PERMISSION_DENIED(403, "Permission denied",
            "The operation {operation} needs the role {required_role} or higher. Ask a pool-admin for "
            + "that role, or call with a token of a user who has it.", "operation", "required_role"),
    JOIN_TOKEN_INVALID(401, "Invalid join token",
            "The join token is unknown, already used or expired. Ask a pool-admin for a new join token "
            + "and join again."),
    WRONG_PASSWORD(403, "Current password is wrong",
            "The current password given is wrong. Give your current password to change it."),
    PASSWORD_TOO_WEAK(400, "Password is too weak",
            "The password is too weak: {reason}. Choose a longer, less common password.", "reason"),
    // 404, 405, 406, 410, 413, 415: the addressed thing
    HANDLE_INVALID(404, "No such object",
            "There is no {class} with id {id}. It may have been deleted; list the {class} objects to find "
            + "a current id.", "class", "id"),
    NOT_FOUND(404, "No such endpoint",
            "Nothing is served at {path}. Check the path in the API reference (/q/swagger-ui).", "path"),
    METHOD_NOT_ALLOWED(405, "Method not allowed on this path",
            "This path does not take that method. It takes: {method}.", "method"),
    NOT_ACCEPTABLE(406, "Response type not available",
            "This endpoint cannot answer in the media type that the Accept header asks for. Accept "
            + "application/json."),
    EVENTS_LOST(410, "Events no longer kept",
            "The events after token {token} are no longer kept (the oldest kept is {oldest_kept}). Read "
            + "the objects you follow again, then continue from a new token (GET /api/v1/events without "
            + "from).", "token", "oldest_kept"),
    VDI_MISSING(404, "Disk data missing",
            "Disk {vdi} is recorded in storage repository {sr} but its data is not there. Scan the "
            + "storage repository or restore the disk.", "sr", "vdi"),
    LENGTH_REQUIRED(411, "Content-Length required",
            "This upload needs a Content-Length header. Send the body with its length."),
    REQUEST_TOO_LARGE(413, "Request body too large",
            "The request body is over the limit ({limit_bytes} bytes). Send a smaller body.", "limit_bytes"),
    UNSUPPORTED_MEDIA_TYPE(415, "Body type not supported",
            "This endpoint does not take a body of type {content_type}. Send Content-Type: "
            + "application/json, in UTF-8 (application/octet-stream for uploads).", "content_type"),
    // 409: the state of the world does not allow it now
    HA_IS_ENABLED(409, "HA already enabled",
            "HA is already enabled on this pool. Disable it first to change its timeout or host failures to tolerate."),
    HA_NOT_ENABLED(409, "HA is off",
            "HA is not enabled on this pool, so there is nothing to disable. Enable it with POST /api/v1/ha/enable."),
    OBJECT_CHANGED_CONCURRENTLY(409, "Changed by another request",
            "The {class} {id} was changed by another request meanwhile. Read it again and retry your "
            + "change.", "class", "id"),
    OTHER_OPERATION_IN_PROGRESS(409, "Another operation in progress",
            "The {class} {id} is busy with {operation}. Wait for that task to finish, then try again.",
            "class", "id", "operation"),
    OPERATION_NOT_ALLOWED(409, "Operation not allowed now",
            "The operation {operation} is not allowed now: {reason}. Check the object's "
            + "allowedOperations, and change its state first.", "operation", "reason"),
    TASK_ALREADY_FINISHED(409, "Task has already finished",
            "Task {task} has already finished ({status}); there is nothing left to cancel.", "task", "status"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key already used",
            "The Idempotency-Key {key} was already used for {operation} on {target}. Use a new key for a "
            + "different request.", "key", "operation", "target"),
    HOST_IS_LIVE(409, "Host is still live",
            "Host {host} is still live. Stop its daemon (or shut it down) and wait until it is no longer "
            + "live, then try again.", "host"),
    HOST_ALREADY_REGISTERED(409, "Host is already in the pool",
            "Host {host} is already a member of the pool. Remove the old record first if the host was "
            + "reinstalled.", "host"),
    USER_ALREADY_EXISTS(409, "User name taken",
            "A user named {username} already exists. Choose another user name.", "username"),
    LAST_POOL_ADMIN(409, "Last pool administrator",
            "{user} is the last enabled pool-admin. Give another user the pool-admin role first.", "user"),
    // networks: the network service and the daemons' network drivers (same names on both sides)
    MAC_INVALID(400, "Invalid MAC address",
            "'{mac}' is not a usable MAC address: {reason}. Give a unicast MAC such as 02:16:3e:12:34:56, "
            + "or leave it out to get one generated.", "mac", "reason"),
    MTU_INVALID(400, "Invalid MTU",
            "An MTU of {mtu} is out of range. Use a value from {min} to {max}.", "mtu", "min", "max"),
    VLAN_TAG_INVALID(400, "Invalid VLAN tag",
            "VLAN tag {tag} is out of range. Use a tag from 0 to 4094.", "tag"),
    PIF_BOND_NEEDS_MORE_MEMBERS(400, "Bond needs more interfaces",
            "A bond needs at least two interfaces, but {count} were given. Add interfaces to the bond.", "count"),
    PIF_CANNOT_BOND_CROSS_HOST(400, "Interfaces on different hosts",
            "Interface {pif} is on another host than the others. Bond interfaces of one host only.", "pif"),
    PIF_UNKNOWN_DEVICE(404, "No such network device",
            "Host {host} has no network device {device}. List the host's interfaces to find its device "
            + "names.", "host", "device"),
    MAC_ALREADY_IN_USE(409, "MAC address in use",
            "The MAC address {mac} is already used by another interface. Choose another, or leave it out "
            + "to get one generated.", "mac"),
    VLAN_TAG_IN_USE(409, "VLAN tag already used",
            "Interface {pif} already carries VLAN {tag}. Use another tag, or the existing VLAN.", "pif", "tag"),
    NETWORK_IN_USE(409, "Network is in use",
            "Network {network} is in use: {reason}. Detach what uses it first.", "network", "reason"),
    NETWORK_CONTAINS_PIF(409, "Network has physical interfaces",
            "Network {network} still has the physical interfaces {pifs}. Remove them from the network "
            + "first.", "network", "pifs"),
    NETWORK_ALREADY_CONNECTED(409, "Network is already connected",
            "Network {network} is already connected on that host through interface {pif}. Use that "
            + "connection, or remove it first.", "network", "pif"),
    BRIDGE_NAME_IN_USE(409, "Bridge name taken",
            "The bridge name {bridge} is taken by another network. Choose another, or leave it out to get "
            + "one chosen.", "bridge"),
    PIF_IS_MANAGEMENT_INTERFACE(409, "Management interface",
            "{device} is the management interface of host {host}. Move management to another interface "
            + "first.", "host", "device"),
    PIF_IS_VLAN(409, "Interface is a VLAN",
            "Interface {pif} is a VLAN interface. Use the physical interface beneath it instead.", "pif"),
    PIF_ALREADY_BONDED(409, "Interface already bonded",
            "Interface {pif} is already in a bond. Remove it from that bond first.", "pif"),
    CANNOT_ADD_VLAN_TO_BOND_SLAVE(409, "Interface is a bond member",
            "Interface {pif} is a member of a bond. Put the VLAN on the bond instead.", "pif"),
    PIF_IN_USE(409, "Interface in use",
            "Interface {pif} is in use: {reason}. Free it first.", "pif", "reason"),
    DEVICE_ALREADY_EXISTS(409, "Device number taken",
            "VM {vm} already has a device {device}. Choose another device number, or leave it out to get "
            + "the next free one.", "vm", "device"),
    DEVICE_BUSY(409, "Device is busy",
            "Device {device} on host {host} is busy: {reason}. Try again once it is free.", "host", "device", "reason"),
    BRIDGE_IN_USE(409, "Bridge is in use",
            "Bridge {bridge} on host {host} is in use: {reason}. Detach what uses it first.", "host", "bridge", "reason"),
    BRIDGE_MISSING(409, "Bridge missing on the host",
            "Host {host} has no bridge {bridge}. Connect the network on that host (plug its interface) "
            + "and try again.", "host", "bridge"),
    HOST_CANNOT_ATTACH_NETWORK(409, "Network not reachable from the host",
            "Host {host} cannot attach network {network}: it has no interface on it. Connect the network "
            + "on that host, or use another host.", "host", "network"),
    VM_BAD_POWER_STATE(409, "VM in the wrong power state",
            "VM {vm} is {actual}, but this needs it {expected}. Change its power state first.", "vm", "expected", "actual"),
    NETWORK_BACKEND_FAILURE(502, "Network setup failed on the host",
            "Host {host} failed to set up its network: {detail}. Check the host daemon's log, fix the "
            + "cause and retry.", "host", "detail"),
    // storage
    SR_FULL(409, "Storage repository full",
            "Storage repository {sr} has {available} bytes free but {requested} are needed. Free space, "
            + "or use another storage repository.", "sr", "requested", "available"),
    SR_HAS_PBDS_ATTACHED(409, "Storage still attached",
            "Storage repository {sr} is still attached to hosts. Unplug its PBDs first.", "sr"),
    SR_HAS_NO_PBDS(409, "Storage connected to no host",
            "Storage repository {sr} has no PBD. Create and plug a PBD for a host first.", "sr"),
    DEFAULT_SR_NOT_SET(409, "No SR given and no default SR",
            "The disk names no SR and the pool has no default SR. Name an SR (srId), or set the pool's "
            + "defaultSr (PATCH /api/v1/pool).", "disk"),
    SR_NOT_ATTACHED(409, "Storage not attached to the host",
            "Storage repository {sr} is not attached to host {host}. Plug its PBD on that host first.", "sr", "host"),
    VDI_IN_USE(409, "Disk in use",
            "Disk {vdi} is in use by VM {vm}. Detach it from that VM (or shut the VM down) first.", "vdi", "vm"),
    VDI_READ_ONLY(409, "Disk is read-only",
            "Disk {vdi} is read-only. Attach it read-only, or copy it to a writable disk.", "vdi"),
    VBD_NOT_EMPTY(409, "Drive not empty",
            "Drive {vbd} already holds a disk. Eject it first.", "vbd"),
    VBD_IS_EMPTY(409, "Drive empty",
            "Drive {vbd} holds no disk. Insert one first.", "vbd"),
    VBD_NOT_REMOVABLE_MEDIA(409, "Not a removable drive",
            "Drive {vbd} is not a CD drive, so it takes no insert or eject. Attach or detach the disk "
            + "instead.", "vbd"),
    // 409: VMs (XenAPI's names and parameters)
    VM_IS_TEMPLATE(409, "VM is a template",
            "{vm} is a template, which cannot do this. Create a VM from the template first.", "vm"),
    VM_IS_SNAPSHOT(409, "VM is a snapshot",
            "{vm} is a snapshot, which cannot do this. Revert to it, or clone it into a VM first.", "vm"),
    VM_MISSING(409, "VM missing on its host",
            "VM {vm} is recorded on host {host}, but its domain is not there. Wait for the control plane "
            + "to correct its state, then retry.", "vm", "host"),
    VM_SHUTDOWN_TIMEOUT(409, "VM did not shut down",
            "VM {vm} did not shut down within {timeout} seconds. Check the guest, or force it off with a "
            + "hard shutdown.", "vm", "timeout"),
    VM_REBOOT_TIMEOUT(409, "VM did not reboot",
            "VM {vm} did not reboot within {timeout} seconds. Check the guest, or use a hard reboot.", "vm", "timeout"),
    HA_OPERATION_WOULD_BREAK_FAILOVER_PLAN(409, "Would break the HA failover plan",
            "HA must be able to restart every protected VM after {failures_to_tolerate} host failure(s); after "
            + "this the pool could only after {plan_exists_for}. Free memory on other hosts, lower the HA "
            + "protection of some VMs, or allow overcommit (PUT /api/v1/ha/allow-overcommit).",
            "failures_to_tolerate", "plan_exists_for"),
    CANNOT_EVACUATE_HOST(409, "Cannot evacuate the host",
            "VM {vm} could not leave host {host}: {reason}. The VMs moved before it stay where they went; free "
            + "room on other hosts (or shut that VM down) and evacuate again.", "host", "vm", "reason"),
    HOST_NOT_ENOUGH_FREE_MEMORY(409, "Not enough free memory on the host",
            "The VM needs {needed} bytes but the host has {available} free. Stop other VMs, lower the "
            + "VM's memory, or choose another host.", "needed", "available"),
    NO_HOSTS_AVAILABLE(409, "No host available",
            "No enabled, live host can run this VM. Enable or add a host, or free memory on one."),
    HOST_DISABLED(409, "Host is disabled",
            "Host {host} is disabled. Enable it, or choose another host.", "host"),
    HOST_NOT_LIVE(409, "Host is not live",
            "Host {host} is not live (no recent heartbeat). Bring its daemon back, or choose another "
            + "host.", "host"),
    // 429: slow down
    AUTHENTICATION_THROTTLED(429, "Too many login attempts",
            "Too many failed logins. Wait {retry_after_seconds} seconds before you try again.", "retry_after_seconds"),
    AUTHENTICATION_LOCKED_OUT(429, "Login locked out",
            "Logins are locked after repeated failures. Wait {retry_after_seconds} seconds, or ask a "
            + "pool-admin to unlock the user.", "retry_after_seconds"),
    // 5xx: our side
    HOST_OFFLINE(503, "Host unreachable",
            "Host {host} cannot be reached. Check that its daemon runs and is reachable, then retry.", "host"),
    /** The VM service cannot reach the storage service (none in the process, no xenplane.storage.url, or unreachable). */
    STORAGE_SERVICE_UNAVAILABLE(503, "Storage service not reachable",
            "The storage service cannot be reached for VM {vm}: {detail}. Check xenplane.storage.url and "
            + "that the storage service runs, then retry.", "vm", "detail"),
    /** The VM service cannot reach the network service (xenplane.network.url is set but the service fails). */
    NETWORK_SERVICE_UNAVAILABLE(503, "Network service not reachable",
            "The network service cannot be reached for VM {vm}: {detail}. Check xenplane.network.url and "
            + "that the network service runs, then retry.", "vm", "detail"),
    /** PostgreSQL refused or dropped the connection, is shutting down or starting, or no pooled connection came in time. */
    DATABASE_UNAVAILABLE(503, "Database not reachable",
            "The server cannot reach its database right now. Retry in {retry_after_seconds} seconds; if "
            + "this goes on, check that PostgreSQL runs and that the server can reach it.", "retry_after_seconds"),
    /**
     * The replica that ran the task stopped (crashed, or lost the database for longer than its lease)
     * before the task finished; another replica took it over and put its object back as the hosts report it.
     */
    TASK_OWNER_LOST(503, "Task interrupted",
            "The server running task {task} stopped before the task finished. Another server took it over and "
            + "left its object as the hosts report it; check the object's state and retry if needed.", "task"),
    HOST_DAEMON_ERROR(502, "Host daemon failed",
            "The daemon of host {host} failed: {detail}. Check its log, fix the cause and retry.", "host", "detail"),
    SR_BACKEND_FAILURE(502, "Storage backend failed",
            "The storage behind storage repository {sr} failed: {detail}. Check the host daemon's log, "
            + "fix the cause and retry.", "sr", "detail"),
    /** The hypervisor on a host failed: libxl's error name (e.g. ERROR_FAIL) and the function that returned it. */
    HYPERVISOR_ERROR(502, "Xen failed on the host",
            "Xen on host {host} failed: {function} returned {error} ({detail}). Check the host daemon's "
            + "and Xen's logs, fix the cause and retry.", "host", "error", "function", "detail"),
    INTERNAL_ERROR(500, "Unexpected server error",
            "Something unexpected failed on the server. Retry; if it fails again, report the reference "
            + "{reference} (it is in the server's log).", "reference");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final int httpStatus;
    private final String title;
    private final String detail;
    private final List<String> parameterNames;

    ErrorCode(int httpStatus, String title, String detail, String... parameterNames) {
        this.httpStatus = httpStatus;
        this.title = title;
        this.detail = detail;
        this.parameterNames = List.of(parameterNames);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public List<String> parameterNames() {
        return parameterNames;
    }

    /** A short human title, e.g. "VM in the wrong power state" for {@code VM_BAD_POWER_STATE}. */
    public String title() {
        return title;
    }

    /** The detail template: a sentence with {@code {parameter}} placeholders that says what to do. */
    public String detailTemplate() {
        return detail;
    }

    /** The detail sentence with the parameters filled in (a missing one reads as "?"). */
    public String detail(Map<String, String> parameters) {
        return PLACEHOLDER.matcher(detail).replaceAll(m ->
                Matcher.quoteReplacement(parameters.getOrDefault(m.group(1), "?")));
    }
}
