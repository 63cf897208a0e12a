package org.xenplane.daemon.driver.libxl;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xenplane.daemon.driver.HypervisorDriver;
import org.xenplane.daemon.driver.HypervisorDriverContract;
import org.xenplane.daemon.driver.ProgressLog;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainType;
import org.xenplane.daemon.protocol.NicSpec;

/**
 * The driver contract against real Xen. It runs in a Xen dom0 ({@code /dev/xen/privcmd}) given a
 * guest kernel to boot: {@code XENPLANE_TEST_GUEST_KERNEL} (and optionally
 * {@code XENPLANE_TEST_GUEST_RAMDISK}), a PV- and PVH-capable Linux kernel with a busybox initramfs, as
 * in STACK.md's "Real Xen under QEMU". Elsewhere it is not run.
 */
@ExtendWith(ProgressLog.class)
@EnabledIf(value = "onXenWithAGuestKernel", disabledReason = "needs a Xen dom0 (/dev/xen/privcmd) and XENPLANE_TEST_GUEST_KERNEL")
class LibxlDriverContractTest extends HypervisorDriverContract {
    /** Fewer console lines and no speculation mitigations: the guest boots faster under emulation. */
    static final String GUEST_CMDLINE = "console=hvc0 quiet mitigations=off";
    private static LibxlDriver driver;

    static boolean onXenWithAGuestKernel() {
        return Files.exists(LibxlLibraries.PRIVCMD) && System.getenv("XENPLANE_TEST_GUEST_KERNEL") != null;
    }

    /**
     * In the nested Xen of the proof (QEMU without KVM) this case did not finish within the suite's
     * 240 s per test on its first run (2026-12-06: two guests to boot, then both stopped behind the
     * daemon's back, and the reboot's rebuild met a console timeout); the simulator proves it in every
     * build, and the case of a running domain adopted and rebooting afterwards runs here.
     */
    @Override
    protected Optional<String> stoppedGuestAdoptionNotProvenBecause() {
        return Optional.of("too slow for the proof's nested Xen (over 240 s); proven on the simulator");
    }

    @Override
    protected synchronized HypervisorDriver driver() {
        if (driver == null) {
            driver = LibxlDriver.open("test");
        }
        return driver;
    }

    /** A new libxl context on the same dom0, as a restarted daemon opens one; the old one hears nothing more. */
    @Override
    protected synchronized HypervisorDriver restartDriver() {
        driver().close();
        driver = LibxlDriver.open("test");
        return driver;
    }

    /**
     * PV, which Xen creates faster than PVH under the proof's software emulation (an xl create
     * took 9-12 s against 18 s; PVH guests go through the driver in LibxlGuestDevicesTest); 192 MiB: Debian's kernel keeps about 80 MiB for
     * itself, so the balloon test's half of it can be given back.
     */
    @Override
    protected DomainSpec bootable(UUID vmId) {
        return new DomainSpec(vmId, "contract", DomainType.PV, 192L << 20, 192L << 20, 2, 2,
                System.getenv("XENPLANE_TEST_GUEST_KERNEL"), System.getenv("XENPLANE_TEST_GUEST_RAMDISK"),
                GUEST_CMDLINE, null, Map.of(), List.of(), List.of());
    }

    @Override
    protected Optional<HypervisorDriver> secondHost() {
        return Optional.empty();
    }

    /** The proof's guest prints XENPLANE-GUEST-READY on its console (which xenconsoled logs) once it has booted. */
    @Override
    protected void awaitGuestUp(UUID vmId) {
        Path console = Path.of("/var/log/xen/console/guest-" + vmId + ".log");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Files.exists(console) && Files.readString(console, StandardCharsets.ISO_8859_1).contains("XENPLANE-GUEST-READY"));
    }

    /** A 16 MiB raw file that starts with a marker, in the test's directory (loop-mounted by libxl's block script). */
    @Override
    protected DiskSpec pluggableDisk(String vdev) throws IOException {
        Path file = workDir.resolve(vdev + ".raw");
        if (!Files.exists(file)) {
            try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
                raw.write(("XENPLANE-HOTPLUG-" + vdev).getBytes(StandardCharsets.US_ASCII));
                raw.setLength(16L << 20);
            }
        }
        return new DiskSpec(vdev, file.toString(), "raw", false);
    }

    /** On {@code xenbr0}, which the proof's job creates before the suite runs. */
    @Override
    protected NicSpec pluggableNic(String mac) {
        return new NicSpec(mac, "xenbr0");
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.close();
        }
    }
}
