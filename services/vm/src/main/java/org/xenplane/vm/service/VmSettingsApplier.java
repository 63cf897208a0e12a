package org.xenplane.vm.service;

import java.util.ArrayList;
import java.util.HashMap;
import org.xenplane.vm.model.Vm;
import org.xenplane.vm.api.VmSettings;

/** Applies given settings to a VM record (null leaves a setting as it is). */
final class VmSettingsApplier {
    private VmSettingsApplier() {
    }

    static void apply(Vm vm, VmSettings s) {
        vm.name = s.name() != null ? s.name() : vm.name;
        vm.description = s.description() != null ? s.description() : vm.description;
        vm.memoryStaticMin = s.memoryStaticMin() != null ? s.memoryStaticMin() : vm.memoryStaticMin;
        vm.memoryStaticMax = s.memoryStaticMax() != null ? s.memoryStaticMax() : vm.memoryStaticMax;
        vm.memoryDynamicMin = s.memoryDynamicMin() != null ? s.memoryDynamicMin() : vm.memoryDynamicMin;
        vm.memoryDynamicMax = s.memoryDynamicMax() != null ? s.memoryDynamicMax() : vm.memoryDynamicMax;
        vm.vcpusMax = s.vcpusMax() != null ? s.vcpusMax() : vm.vcpusMax;
        vm.vcpusAtStartup = s.vcpusAtStartup() != null ? s.vcpusAtStartup() : vm.vcpusAtStartup;
        vm.domainType = s.domainType() != null ? s.domainType() : vm.domainType;
        vm.kernel = s.kernel() != null ? emptyToNull(s.kernel()) : vm.kernel;
        vm.ramdisk = s.ramdisk() != null ? emptyToNull(s.ramdisk()) : vm.ramdisk;
        vm.cmdline = s.cmdline() != null ? emptyToNull(s.cmdline()) : vm.cmdline;
        vm.bootOrder = s.bootOrder() != null ? s.bootOrder() : vm.bootOrder;
        vm.platform = s.platform() != null ? new HashMap<>(s.platform()) : vm.platform;
        vm.otherConfig = s.otherConfig() != null ? new HashMap<>(s.otherConfig()) : vm.otherConfig;
        vm.tags = s.tags() != null ? new ArrayList<>(s.tags()) : vm.tags;
        vm.affinity = s.affinity() != null ? s.affinity() : vm.affinity;
        vm.provisionDisks = s.provisionDisks() != null ? TemplateDisks.checked(s.provisionDisks()) : vm.provisionDisks;
    }

    /** Copies every setting (not the state) of {@code from} onto {@code to}. */
    static void copy(Vm from, Vm to) {
        to.description = from.description;
        to.memoryStaticMin = from.memoryStaticMin;
        to.memoryStaticMax = from.memoryStaticMax;
        to.memoryDynamicMin = from.memoryDynamicMin;
        to.memoryDynamicMax = from.memoryDynamicMax;
        to.vcpusMax = from.vcpusMax;
        to.vcpusAtStartup = from.vcpusAtStartup;
        to.domainType = from.domainType;
        to.kernel = from.kernel;
        to.ramdisk = from.ramdisk;
        to.cmdline = from.cmdline;
        to.bootOrder = from.bootOrder;
        to.platform = new HashMap<>(from.platform);
        to.otherConfig = new HashMap<>(from.otherConfig);
        to.tags = new ArrayList<>(from.tags);
        to.affinity = from.affinity;
        to.provisionDisks = new ArrayList<>(from.provisionDisks);
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
