package org.xenplane.vm.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.storage.DiskProvision;
import org.xenplane.vm.api.TemplateDisk;
import org.xenplane.vm.model.Vm;

class TemplateDisksTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void aSizeThatIsNotWholeSectorsIsRefused() {
        assertThatThrownBy(() -> TemplateDisks.checked(List.of(new TemplateDisk(MIB + 1, null, true, 0))))
                .isInstanceOfSatisfying(XenplaneException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD))
                .hasMessageContaining("512");
    }

    @Test
    void aSlotListedTwiceIsRefused() {
        assertThatThrownBy(() -> TemplateDisks.checked(List.of(new TemplateDisk(MIB, null, true, 1),
                new TemplateDisk(2 * MIB, null, false, 1))))
                .isInstanceOfSatisfying(XenplaneException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD))
                .hasMessageContaining("userdevice 1");
    }

    @Test
    void eachDiskIsNamedAfterTheVmAndItsDeviceAndKeepsItsSr() {
        UUID sr = UUID.randomUUID();
        Vm vm = new Vm();
        vm.name = "web-1";
        vm.provisionDisks = TemplateDisks.checked(List.of(new TemplateDisk(8 * MIB, null, true, 0),
                new TemplateDisk(MIB, sr, null, 2)));
        assertThat(TemplateDisks.forVm(vm)).containsExactly(
                new DiskProvision(null, 8 * MIB, 0, true, "web-1 xvda"),
                new DiskProvision(sr, MIB, 2, false, "web-1 xvdc"));
    }
}
