package org.xenplane.xenapi.service.classes;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.xenapi.service.XenClass;

/** XenAPI {@code VM} over {@code /api/v1/vms}: VMs, templates and snapshots. */
@ApplicationScoped
public class VmClass implements XenClass.Declaration {
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
}
