package org.xenplane.cli.resource;

import java.util.List;

/**
 * Every kind of object the CLI lists and shows, declared once: its command name, its API
 * collection, the field that names it (null when it has no name) and its table columns
 * (default, then the extra ones {@code -o wide} adds).
 */
public enum ResourceKind {
    VM("vm", "/vms", "?template=false", "name",
            List.of(Column.of("NAME", "name"), Column.of("ID", "id"), Column.of("POWER", "powerState"),
                    Column.of("HOST", "residentOn"), Column.of("MEMORY", "memoryStaticMax"), Column.of("VCPUS", "vcpusMax")),
            List.of(Column.of("TYPE", "domainType"), Column.of("OPERATIONS", "allowedOperations"))),
    TEMPLATE("template", "/vms", "?template=true", "name",
            List.of(Column.of("NAME", "name"), Column.of("ID", "id"), Column.of("TYPE", "domainType"),
                    Column.of("SNAPSHOT", "isASnapshot")),
            List.of(Column.of("DEFAULT", "isDefaultTemplate"), Column.of("MEMORY", "memoryStaticMax"))),
    POOL("pool", "/pool", "", "name",
            List.of(Column.of("NAME", "name"), Column.of("ID", "id"), Column.of("DESCRIPTION", "description")),
            List.of(Column.of("OTHER-CONFIG", "otherConfig"))),
    HOST("host", "/hosts", "", "name",
            List.of(Column.of("NAME", "name"), Column.of("ID", "id"), Column.of("ENABLED", "enabled"),
                    Column.of("LIVE", "live"), Column.of("MEMORY-FREE", "memoryFree")),
            List.of(Column.of("ADDRESS", "address"), Column.of("CPUS", "cpuCount"), Column.of("MEMORY", "memoryTotal"))),
    SR("sr", "/srs", "", "name",
            List.of(Column.of("NAME", "name"), Column.of("ID", "id"), Column.of("TYPE", "type"),
                    Column.of("HOST", "hostId"), Column.of("SIZE", "physicalSize")),
            List.of(Column.of("USED", "physicalUtilisation"), Column.of("SHARED", "shared"))),
    VDI("vdi", "/vdis", "", "name",
            List.of(Column.of("NAME", "name"), Column.of("ID", "id"), Column.of("SR", "srId"),
                    Column.of("SIZE", "virtualSize"), Column.of("TYPE", "type")),
            List.of(Column.of("USED", "physicalUtilisation"), Column.of("READ-ONLY", "readOnly"))),
    PBD("pbd", "/pbds", "", null,
            List.of(Column.of("ID", "id"), Column.of("SR", "srId"), Column.of("HOST", "hostId"),
                    Column.of("ATTACHED", "currentlyAttached")),
            List.of(Column.of("DEVICE-CONFIG", "deviceConfig"))),
    VBD("vbd", "/vbds", "", null,
            List.of(Column.of("ID", "id"), Column.of("VM", "vmId"), Column.of("VDI", "vdiId"),
                    Column.of("DEVICE", "userdevice"), Column.of("MODE", "mode"), Column.of("ATTACHED", "currentlyAttached")),
            List.of(Column.of("TYPE", "type"), Column.of("BOOTABLE", "bootable"))),
    NETWORK("network", "/networks", "", "name",
            List.of(Column.of("NAME", "name"), Column.of("ID", "id"), Column.of("BRIDGE", "bridge"), Column.of("MTU", "mtu")),
            List.of(Column.of("MANAGED", "managed"))),
    PIF("pif", "/pifs", "", null,
            List.of(Column.of("ID", "id"), Column.of("HOST", "hostId"), Column.of("DEVICE", "device"),
                    Column.of("NETWORK", "networkId"), Column.of("IP", "ip"), Column.of("VLAN", "vlanTag")),
            List.of(Column.of("MAC", "mac"), Column.of("MTU", "mtu"), Column.of("MANAGEMENT", "management"),
                    Column.of("MODE", "ipConfigurationMode"))),
    VIF("vif", "/vifs", "", null,
            List.of(Column.of("ID", "id"), Column.of("VM", "vmId"), Column.of("DEVICE", "device"),
                    Column.of("MAC", "mac"), Column.of("NETWORK", "networkId")),
            List.of(Column.of("MTU", "mtu"), Column.of("ATTACHED", "currentlyAttached"))),
    TASK("task", "/tasks", "", null,
            List.of(Column.of("ID", "id"), Column.of("OPERATION", "operation"), Column.of("STATUS", "status"),
                    Column.of("PROGRESS", "progress"), Column.of("CREATED", "createdAt")),
            List.of(Column.of("TARGET", "target.id"), Column.of("ERROR", "error.code"), Column.of("BY", "createdBy"))),
    MESSAGE("message", "/messages", "", null,
            List.of(Column.of("ID", "id"), Column.of("NAME", "name"), Column.of("PRIORITY", "priority"),
                    Column.of("CLASS", "objectClass"), Column.of("OBJECT", "objectId")),
            List.of(Column.of("BODY", "body"), Column.of("CREATED", "createdAt"))),
    USER("user", "/users", "", "username",
            List.of(Column.of("USERNAME", "username"), Column.of("ID", "id"), Column.of("ROLE", "role"),
                    Column.of("ENABLED", "enabled")),
            List.of(Column.of("FULL-NAME", "fullName"), Column.of("CREATED", "createdAt"))),
    TOKEN("token", "/tokens", "", "name",
            List.of(Column.of("NAME", "name"), Column.of("ID", "id"), Column.of("OWNER", "owner"), Column.of("ROLE", "role")),
            List.of(Column.of("CREATED", "createdAt"), Column.of("EXPIRES", "expiresAt")));

    public final String command;
    public final String path;
    public final String listQuery;
    public final String nameField;
    public final List<Column> columns;
    public final List<Column> wideColumns;

    ResourceKind(String command, String path, String listQuery, String nameField, List<Column> columns,
                 List<Column> wideColumns) {
        this.command = command;
        this.path = path;
        this.listQuery = listQuery;
        this.nameField = nameField;
        this.columns = columns;
        this.wideColumns = wideColumns;
    }

    /** The field that names one object in {@code -o name} and in messages: its name, else its id. */
    public String labelField() {
        return nameField == null ? "id" : nameField;
    }
}
