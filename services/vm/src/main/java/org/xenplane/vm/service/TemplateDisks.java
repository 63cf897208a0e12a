package org.xenplane.vm.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.storage.DiskProvision;
import org.xenplane.vm.api.TemplateDisk;
import org.xenplane.vm.model.Vm;

/**
 * A template's disk list (XAPI's {@code VM.provision}): its rules, and the disks a VM made from it
 * gets. Sizes are whole 512-byte sectors; each slot ({@code userdevice}) appears once. The storage
 * service checks the rest when it makes the disks (the largest size, the SR, its free space).
 */
final class TemplateDisks {
    private static final long SECTOR = 512;

    private TemplateDisks() {
    }

    static List<TemplateDisk> checked(List<TemplateDisk> disks) {
        Set<Integer> slots = new HashSet<>();
        for (TemplateDisk disk : disks) {
            if (disk.virtualSize() % SECTOR != 0) {
                throw new XenplaneException(ErrorCode.INVALID_FIELD, "provisionDisks",
                        "virtualSize " + disk.virtualSize() + " is not a multiple of 512");
            }
            if (!slots.add(disk.userdevice())) {
                throw new XenplaneException(ErrorCode.INVALID_FIELD, "provisionDisks",
                        "userdevice " + disk.userdevice() + " appears twice");
            }
        }
        return new ArrayList<>(disks);
    }

    /** The disks of new VM {@code vm}, named after it and their slot ({@code web-1 xvda}). */
    static List<DiskProvision> forVm(Vm vm) {
        return vm.provisionDisks.stream().map(d -> new DiskProvision(d.srId(), d.virtualSize(), d.userdevice(),
                Boolean.TRUE.equals(d.bootable()), vm.name + " xvd" + (char) ('a' + d.userdevice()))).toList();
    }
}
