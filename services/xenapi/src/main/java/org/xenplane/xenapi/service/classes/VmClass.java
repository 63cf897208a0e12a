package org.xenplane.xenapi.service.classes;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xenplane.xenapi.service.Setters;
import org.xenplane.xenapi.service.XenClass;

/** XenAPI {@code VM} over {@code /api/v1/vms}: VMs, templates and snapshots. */
@ApplicationScoped
public class VmClass implements XenClass.Declaration, Setters.Settable {
    @Override
    public XenClass xenClass() {
        return new XenClass.Fields()
                .uuid().operations()
                .text("name_label", "name").text("name_description", "description")
                .field("power_state", v -> org.xenplane.xenapi.service.XenFormats.capitalised(v.path("powerState")))
                .constant("user_version", 1L)
                .bool("is_a_template", "isATemplate").bool("is_default_template", "isDefaultTemplate")
                .ref("resident_on", "host", "residentOn").ref("scheduled_to_be_resident_on", "host", "scheduledToBeResidentOn")
                .ref("affinity", "host", "affinity")
                .int64("memory_static_max", "memoryStaticMax").int64("memory_dynamic_max", "memoryDynamicMax")
                .int64("memory_dynamic_min", "memoryDynamicMin").int64("memory_static_min", "memoryStaticMin")
                .int64("VCPUs_max", "vcpusMax").int64("VCPUs_at_startup", "vcpusAtStartup")
                .constant("actions_after_shutdown", "destroy").constant("actions_after_reboot", "restart")
                .constant("actions_after_crash", "restart")
                .constant("PV_bootloader", "").text("PV_kernel", "kernel").text("PV_ramdisk", "ramdisk").text("PV_args", "cmdline")
                .constant("HVM_boot_policy", "")
                .field("HVM_boot_params", v -> java.util.Map.of("order", v.path("bootOrder").asText("")))
                .map("platform", "platform").map("other_config", "otherConfig")
                .field("domid", v -> v.path("metrics").path("domid").isNumber() ? v.path("metrics").path("domid").asLong() : -1L)
                .constant("is_control_domain", false)
                .bool("is_a_snapshot", "isASnapshot").ref("snapshot_of", "VM", "snapshotOf").refs("snapshots", "VM", "snapshots")
                .date("snapshot_time", "snapshotTime").ref("parent", "VM", "parent").strings("tags", "tags")
                .text("domain_type", "domainType")
                .of("VM", "/api/v1/vms", "vm.read", "name");
    }

    @Override
    public String updateOperation() {
        return "vm.update";
    }

    /** What {@code PATCH /api/v1/vms/{id}} changes: names, memory, vCPUs, boot, maps and tags. */
    @Override
    public void setters(Setters s) {
        s.text("name_label", "name").text("name_description", "description")
                .int64("memory_static_max", "memoryStaticMax").int64("memory_dynamic_max", "memoryDynamicMax")
                .int64("memory_dynamic_min", "memoryDynamicMin").int64("memory_static_min", "memoryStaticMin")
                .int64("VCPUs_max", "vcpusMax").int64("VCPUs_at_startup", "vcpusAtStartup")
                .text("PV_kernel", "kernel").text("PV_ramdisk", "ramdisk").text("PV_args", "cmdline")
                .bool("is_a_template", "isATemplate")
                .map("platform", "platform").map("other_config", "otherConfig").set("tags", "tags")
                .message("set_memory_dynamic_range", List.of("min", "max"), a -> memory(
                        "memoryDynamicMin", Setters.int64("min", a.get(0)), "memoryDynamicMax", Setters.int64("max", a.get(1))))
                .message("set_memory_static_range", List.of("min", "max"), a -> memory(
                        "memoryStaticMin", Setters.int64("min", a.get(0)), "memoryStaticMax", Setters.int64("max", a.get(1))))
                .message("set_memory_limits", List.of("static_min", "static_max", "dynamic_min", "dynamic_max"), a -> memory(
                        "memoryStaticMin", Setters.int64("static_min", a.get(0)), "memoryStaticMax", Setters.int64("static_max", a.get(1)),
                        "memoryDynamicMin", Setters.int64("dynamic_min", a.get(2)), "memoryDynamicMax", Setters.int64("dynamic_max", a.get(3))))
                // XAPI: static max, dynamic min and dynamic max to the value; static min untouched
                .message("set_memory", List.of("value"), a -> {
                    long v = Setters.int64("value", a.get(0));
                    return memory("memoryStaticMax", v, "memoryDynamicMin", v, "memoryDynamicMax", v);
                })
                // a running VM's vCPUs at startup change live (PATCH's own rule)
                .message("set_VCPUs_number_live", List.of("nvcpu"), a -> Setters.single("vcpusAtStartup", Setters.int64("nvcpu", a.get(0))));
    }

    private static Map<String, Object> memory(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
