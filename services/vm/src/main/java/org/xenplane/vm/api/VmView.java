package org.xenplane.vm.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.vm.model.PowerState;
import org.xenplane.vm.model.Vm;
import org.xenplane.vm.service.VmOperation;

/**
 * A VM, template or snapshot as clients see it: XenAPI's {@code VM} fields in camelCase. Memory
 * in bytes; host references are host ids.
 *
 * @param powerStateUncertain     true when the VM is recorded running or paused on a host that has been silent
 *                                for longer than {@code xenplane.vm.dead-host-after}: its domain may or may
 *                                not still run; {@code POST /api/v1/vms/{id}/reset-power-state} records it halted
 * @param scheduledToBeResidentOn the host holding memory for a start, resume or incoming migration
 * @param suspendedOn             the host holding the suspend image of a suspended VM
 * @param currentOperations       the operation in progress, by task id
 * @param metrics                 the domain's figures while it exists
 * @param haRestartPriority       {@code restart}, {@code best-effort}, or empty: not protected by HA (docs/ha.md)
 * @param haOrder                 HA restarts lower orders first
 * @param haStartDelaySeconds     seconds HA waits after restarting this VM before the next one
 * @param provisionDisks          the disks a VM made from this template gets (XAPI's {@code VM.provision})
 */
public record VmView(UUID id, String name, String description, boolean isATemplate, boolean isDefaultTemplate,
                     boolean isASnapshot, UUID snapshotOf, Instant snapshotTime, List<UUID> snapshots, UUID parent,
                     PowerState powerState, boolean powerStateUncertain, UUID residentOn,
                     UUID scheduledToBeResidentOn, UUID suspendedOn, UUID affinity, long memoryStaticMin,
                     long memoryStaticMax, long memoryDynamicMin, long memoryDynamicMax, int vcpusMax,
                     int vcpusAtStartup, String domainType, String kernel, String ramdisk, String cmdline,
                     String bootOrder, Map<String, String> platform, Map<String, String> otherConfig, List<String> tags,
                     List<String> allowedOperations, Map<UUID, String> currentOperations, Metrics metrics,
                     Instant createdAt, long version, String haRestartPriority, int haOrder, int haStartDelaySeconds,
                     List<TemplateDisk> provisionDisks) {

    /**
     * XenAPI's {@code VM_metrics}.
     *
     * @param domid        Xen's domain id on the resident host
     * @param startTime    when the domain was built
     * @param vcpusOnline  vCPUs online
     * @param memoryActual memory the domain has now
     */
    public record Metrics(Integer domid, Instant startTime, Integer vcpusOnline, Long memoryActual) {
    }

    public static VmView of(VmOperation.State state, List<UUID> snapshots) {
        Vm v = state.vm();
        return new VmView(v.id, v.name, v.description, v.isATemplate, v.isDefaultTemplate, v.isASnapshot, v.snapshotOf,
                v.snapshotTime, List.copyOf(snapshots), v.parent, v.powerState, state.powerStateUncertain(), v.residentOn,
                v.scheduledTo, v.suspendedOn, v.affinity, v.memoryStaticMin, v.memoryStaticMax, v.memoryDynamicMin,
                v.memoryDynamicMax, v.vcpusMax, v.vcpusAtStartup, v.domainType, v.kernel, v.ramdisk, v.cmdline,
                v.bootOrder, Map.copyOf(v.platform), Map.copyOf(v.otherConfig), List.copyOf(v.tags),
                VmOperation.allowedOn(state),
                v.currentTask == null ? Map.of() : Map.of(v.currentTask, v.currentOperation),
                new Metrics(v.domid, v.startTime, v.vcpusOnline, v.memoryActual), v.createdAt, v.version,
                v.haRestartPriority == null ? "" : v.haRestartPriority, v.haOrder, v.haStartDelaySeconds,
                List.copyOf(v.provisionDisks));
    }
}
