package org.xenplane.cli.xe;

import java.util.List;
import java.util.Optional;
import org.xenplane.cli.resource.ResourceKind;

/**
 * The xe classes the CLI speaks, declared once: xe's class name, the Xenplane kind behind it,
 * every parameter (as xe names it) and those {@code <class>-list} shows by default.
 */
public enum XeClass {
    VM("vm", ResourceKind.VM, List.of(
            XeParam.ro("uuid", "id"), XeParam.rw("name-label", "name"), XeParam.rw("name-description", "description"),
            XeParam.ro("power-state", "powerState"), XeParam.ro("resident-on", "residentOn"),
            XeParam.rw("memory-static-max", "memoryStaticMax"), XeParam.rw("memory-static-min", "memoryStaticMin"),
            XeParam.rw("memory-dynamic-max", "memoryDynamicMax"), XeParam.rw("memory-dynamic-min", "memoryDynamicMin"),
            XeParam.rw("VCPUs-max", "vcpusMax"), XeParam.rw("VCPUs-at-startup", "vcpusAtStartup"),
            XeParam.ro("is-a-template", "isATemplate"), XeParam.ro("is-a-snapshot", "isASnapshot"),
            XeParam.ro("snapshot-of", "snapshotOf"), XeParam.ro("domain-type", "domainType"),
            XeParam.ro("PV-kernel", "kernel"), XeParam.ro("PV-ramdisk", "ramdisk"), XeParam.ro("PV-args", "cmdline"),
            XeParam.ro("allowed-operations", "allowedOperations"), XeParam.ro("current-operations", "currentOperations"),
            XeParam.ro("other-config", "otherConfig"), XeParam.ro("tags", "tags")),
            List.of("uuid", "name-label", "power-state")),
    TEMPLATE("template", ResourceKind.TEMPLATE, VM.params, List.of("uuid", "name-label", "name-description")),
    POOL("pool", ResourceKind.POOL, List.of(
            XeParam.ro("uuid", "id"), XeParam.ro("name-label", "name"), XeParam.ro("name-description", "description"),
            XeParam.ro("other-config", "otherConfig")),
            List.of("uuid", "name-label", "name-description")),
    HOST("host", ResourceKind.HOST, List.of(
            XeParam.ro("uuid", "id"), XeParam.ro("name-label", "name"),
            XeParam.ro("enabled", "enabled"), XeParam.ro("address", "address"), XeParam.ro("live", "live"),
            XeParam.ro("memory-total", "memoryTotal"), XeParam.ro("memory-free", "memoryFree"),
            XeParam.ro("cpu-count", "cpuCount"), XeParam.ro("allowed-operations", "allowedOperations")),
            List.of("uuid", "name-label", "enabled")),
    SR("sr", ResourceKind.SR, List.of(
            XeParam.ro("uuid", "id"), XeParam.ro("name-label", "name"), XeParam.ro("name-description", "description"),
            XeParam.ro("host", "hostId"), XeParam.ro("type", "type"), XeParam.ro("content-type", "contentType"),
            XeParam.ro("shared", "shared"), XeParam.ro("physical-size", "physicalSize"),
            XeParam.ro("physical-utilisation", "physicalUtilisation"), XeParam.ro("virtual-allocation", "virtualAllocation")),
            List.of("uuid", "name-label", "name-description", "host", "type", "content-type")),
    VDI("vdi", ResourceKind.VDI, List.of(
            XeParam.ro("uuid", "id"), XeParam.ro("name-label", "name"), XeParam.ro("name-description", "description"),
            XeParam.ro("sr-uuid", "srId"), XeParam.ro("virtual-size", "virtualSize"),
            XeParam.ro("physical-utilisation", "physicalUtilisation"), XeParam.ro("type", "type"),
            XeParam.ro("sharable", "sharable"), XeParam.ro("read-only", "readOnly"), XeParam.ro("is-a-snapshot", "isSnapshot")),
            List.of("uuid", "name-label", "name-description", "virtual-size")),
    VBD("vbd", ResourceKind.VBD, List.of(
            XeParam.ro("uuid", "id"), XeParam.ro("vm-uuid", "vmId"), XeParam.ro("vdi-uuid", "vdiId"),
            XeParam.ro("userdevice", "userdevice"), XeParam.ro("device", "device"), XeParam.ro("mode", "mode"),
            XeParam.ro("type", "type"), XeParam.ro("bootable", "bootable"), XeParam.ro("currently-attached", "currentlyAttached")),
            List.of("uuid", "vm-uuid", "vdi-uuid", "userdevice")),
    PBD("pbd", ResourceKind.PBD, List.of(
            XeParam.ro("uuid", "id"), XeParam.ro("host-uuid", "hostId"), XeParam.ro("sr-uuid", "srId"),
            XeParam.ro("device-config", "deviceConfig"), XeParam.ro("currently-attached", "currentlyAttached")),
            List.of("uuid", "host-uuid", "sr-uuid", "device-config", "currently-attached")),
    PIF("pif", ResourceKind.PIF, List.of(
            XeParam.ro("uuid", "id"), XeParam.ro("device", "device"), XeParam.ro("MAC", "mac"),
            XeParam.ro("physical", "physical"), XeParam.ro("currently-attached", "currentlyAttached"),
            XeParam.ro("VLAN", "vlanTag"), XeParam.ro("network-uuid", "networkId"), XeParam.ro("host-uuid", "hostId"),
            XeParam.ro("IP-configuration-mode", "ipConfigurationMode"), XeParam.ro("IP", "ip"),
            XeParam.ro("netmask", "netmask"), XeParam.ro("gateway", "gateway"), XeParam.ro("management", "management"),
            XeParam.ro("MTU", "mtu")),
            List.of("uuid", "device", "currently-attached", "VLAN", "network-uuid")),
    NETWORK("network", ResourceKind.NETWORK, List.of(
            XeParam.ro("uuid", "id"), XeParam.rw("name-label", "name"), XeParam.rw("name-description", "description"),
            XeParam.ro("bridge", "bridge"), XeParam.ro("MTU", "mtu"), XeParam.ro("managed", "managed")),
            List.of("uuid", "name-label", "name-description", "bridge")),
    VIF("vif", ResourceKind.VIF, List.of(
            XeParam.ro("uuid", "id"), XeParam.ro("vm-uuid", "vmId"), XeParam.ro("device", "device"),
            XeParam.ro("MAC", "mac"), XeParam.ro("MTU", "mtu"), XeParam.ro("network-uuid", "networkId"),
            XeParam.ro("currently-attached", "currentlyAttached")),
            List.of("uuid", "vm-uuid", "device", "network-uuid")),
    TASK("task", ResourceKind.TASK, List.of(
            XeParam.ro("uuid", "id"), XeParam.ro("name-label", "operation"), XeParam.ro("status", "status"),
            XeParam.ro("progress", "progress"), XeParam.ro("created", "createdAt"), XeParam.ro("finished", "finishedAt"),
            XeParam.ro("error_info", "error.code"), XeParam.ro("result", "result.id"),
            XeParam.ro("allowed-operations", "allowedOperations")),
            List.of("uuid", "name-label", "status", "progress")),
    MESSAGE("message", ResourceKind.MESSAGE, List.of(
            XeParam.ro("uuid", "id"), XeParam.ro("name", "name"), XeParam.ro("priority", "priority"),
            XeParam.ro("class", "objectClass"), XeParam.ro("obj-uuid", "objectId"), XeParam.ro("timestamp", "createdAt"),
            XeParam.ro("body", "body")),
            List.of("uuid", "name", "priority", "class", "obj-uuid", "timestamp", "body"));

    public final String xeName;
    public final ResourceKind kind;
    public final List<XeParam> params;
    public final List<String> listed;

    XeClass(String xeName, ResourceKind kind, List<XeParam> params, List<String> listed) {
        this.xeName = xeName;
        this.kind = kind;
        this.params = params;
        this.listed = listed;
    }

    public Optional<XeParam> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
