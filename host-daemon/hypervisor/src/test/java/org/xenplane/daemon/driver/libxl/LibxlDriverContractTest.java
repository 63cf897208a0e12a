package org.xenplane.daemon.driver.libxl;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.xenplane.daemon.driver.HypervisorDriver;
import org.xenplane.daemon.driver.HypervisorDriverContract;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainType;

/**
 * The driver contract against real Xen. It runs in a Xen dom0 ({@code /dev/xen/privcmd}) given a
 * guest kernel to boot: {@code XENPLANE_TEST_GUEST_KERNEL} (and optionally
 * {@code XENPLANE_TEST_GUEST_RAMDISK}), a PVH-capable Linux kernel with a busybox initramfs, as
 * in STACK.md's "Real Xen under QEMU". Elsewhere it is not run.
 */
@EnabledIf(value = "onXenWithAGuestKernel", disabledReason = "needs a Xen dom0 (/dev/xen/privcmd) and XENPLANE_TEST_GUEST_KERNEL")
class LibxlDriverContractTest extends HypervisorDriverContract {
    private static LibxlDriver driver;

    static boolean onXenWithAGuestKernel() {
        return Files.exists(LibxlLibraries.PRIVCMD) && System.getenv("XENPLANE_TEST_GUEST_KERNEL") != null;
    }

    @Override
    protected synchronized HypervisorDriver driver() {
        if (driver == null) {
            driver = LibxlDriver.open("test");
        }
        return driver;
    }

    @Override
    protected DomainSpec bootable(UUID vmId) {
        return new DomainSpec(vmId, "contract", DomainType.PVH, 256L << 20, 256L << 20, 2, 2,
                System.getenv("XENPLANE_TEST_GUEST_KERNEL"), System.getenv("XENPLANE_TEST_GUEST_RAMDISK"),
                "console=hvc0", null, Map.of(), List.of(), List.of());
    }

    @Override
    protected Optional<HypervisorDriver> secondHost() {
        return Optional.empty();
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.close();
        }
    }
}
