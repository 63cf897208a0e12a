package org.xenplane.daemon.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.api.DaemonException;
import org.xenplane.daemon.protocol.storage.ForkResult;
import org.xenplane.daemon.protocol.storage.SrStats;

/**
 * The {@code lvm} driver with the real lvm2 tools on a loop device. Creating a volume group
 * needs only the block device; creating and activating logical volumes needs the kernel's
 * device-mapper. Where the kernel has none (this project's build machines), the test checks
 * that volume creation fails cleanly with the tool's own reason and says so in its output.
 */
class LvmDriverTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private final Commands commands = new Commands(Duration.ofMinutes(2));
    private String loop;
    private LvmDriver driver;
    private SrHandle sr;

    @BeforeEach
    void loopDevice() throws IOException {
        Path image = dir.resolve("pv.img");
        try (RandomAccessFile f = new RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(128 * MIB);
        }
        try {
            loop = commands.run(List.of("losetup", "-f", "--show", image.toString())).stdout().trim();
        } catch (StorageFailure e) {
            System.out.println("LVM test: no loop device here (" + e.getMessage() + "); run as root on a kernel with loop support");
            Assumptions.abort("no loop device: " + e.getMessage());
        }
        driver = new LvmDriver(commands, dir.resolve("scratch"));
        sr = new SrHandle(UUID.randomUUID(), "sim-host-1", Map.of("device", loop), false);
    }

    @AfterEach
    void releaseLoop() {
        if (loop != null) {
            try {
                driver.destroy(sr);
            } catch (RuntimeException ignored) {
                // already destroyed by the test
            }
            commands.run(List.of("losetup", "-d", loop));
        }
    }

    @Test
    void createAttachStatsAndDestroyAVolumeGroupOnALoopDevice() {
        driver.validate(sr.deviceConfig());
        driver.create(sr);
        driver.create(sr); // idempotent
        driver.attach(sr);
        SrStats stats = driver.stats(sr);
        assertThat(stats.physicalSize()).isBetween(100 * MIB, 128 * MIB);
        assertThat(stats.physicalUtilisation()).isZero();
        assertThat(commands.run(List.of("pvs", "--noheadings", "-o", "vg_name", loop)).stdout().trim())
                .isEqualTo("xenplane-" + sr.srId());
        driver.destroy(sr);
        assertThatThrownBy(() -> driver.attach(sr)).isInstanceOf(StorageFailure.class);
    }

    @Test
    void volumesAreQcow2InLogicalVolumesWhereTheKernelHasDeviceMapper() {
        driver.create(sr);
        driver.attach(sr);
        QcowVolumes volumes = new QcowVolumes(driver.space(sr), new QemuImg(commands, new ObjectMapper()));
        UUID id = UUID.randomUUID();
        if (!Files.exists(Path.of("/sys/class/misc/device-mapper"))) {
            assertThatThrownBy(() -> volumes.create(id, 16 * MIB)).isInstanceOf(StorageFailure.class)
                    .hasMessageContaining("device-mapper");
            assertThat(volumes.space().list()).as("no half-made logical volume is left").isEmpty();
            System.out.println("LVM gap: this kernel has no device-mapper, so logical volumes cannot be created or"
                    + " activated here; volume group creation, attach, stats and destroy ran for real on " + loop);
            return;
        }
        assertThat(volumes.create(id, 16 * MIB).physicalUtilisation()).isEqualTo(LvmSpace.lvSize(16 * MIB));
        ForkResult fork = volumes.fork(id, UUID.randomUUID(), UUID.randomUUID());
        assertThat(fork.leaf().parentId()).isEqualTo(fork.base().id());
        volumes.remove(fork.leaf().id());
        assertThat(volumes.coalesce(id, fork.base().id()).parentId()).isNull();
    }

    @Test
    void deviceConfigMustNameABlockDeviceUnderDev() {
        for (String bad : List.of("/etc/passwd", "/dev", "/dev/../etc/shadow", "sdb")) {
            assertThatThrownBy(() -> driver.validate(Map.of("device", bad))).as(bad).isInstanceOf(DaemonException.class);
        }
    }

    @Test
    void aLogicalVolumeHoldsTheFullyWrittenImageAndItsMetadata() {
        assertThat(LvmSpace.lvSize(MIB)).isEqualTo(8 * MIB);
        long tib = 1024L * 1024 * MIB;
        assertThat(LvmSpace.lvSize(tib)).isGreaterThan(tib + tib / 8192).isLessThan(tib + tib / 1000);
        assertThat(LvmSpace.lvSize(tib) % (4 * MIB)).isZero();
    }
}
