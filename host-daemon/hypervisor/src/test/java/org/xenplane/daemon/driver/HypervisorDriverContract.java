package org.xenplane.daemon.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.daemon.protocol.NicSpec;
import org.xenplane.daemon.protocol.ShutdownReason;

/**
 * What every hypervisor driver must do, the same tests for each: the simulator runs them in CI,
 * the libxl driver wherever {@code /dev/xen/privcmd} exists. A driver's test class supplies the
 * driver and a spec its host can really boot.
 */
public abstract class HypervisorDriverContract {
    @TempDir
    protected Path workDir;
    private final List<UUID> created = new CopyOnWriteArrayList<>();

    /** The driver under test; the same instance for the whole test. */
    protected abstract HypervisorDriver driver();

    /** A spec for a small guest this host can boot, with the given uuid. */
    protected abstract DomainSpec bootable(UUID vmId);

    /** A second host to migrate to, if the driver's test can offer one. */
    protected abstract Optional<HypervisorDriver> secondHost();

    @AfterEach
    void destroyWhatTheTestCreated() {
        for (UUID vmId : created) {
            driver().destroy(vmId);
            secondHost().ifPresent(h -> h.destroy(vmId));
        }
    }

    protected DomainInfo createRunning() {
        UUID vmId = UUID.randomUUID();
        created.add(vmId);
        return driver().create(bootable(vmId), false);
    }

    @Test
    void aCreatedDomainIsListedRunningWithItsMemoryAndVcpus() {
        DomainInfo domain = createRunning();
        DomainSpec spec = bootable(domain.vmId());

        assertThat(domain.domid()).isPositive();
        assertThat(domain.state()).isEqualTo(DomainState.RUNNING);
        assertThat(driver().list()).extracting(DomainInfo::vmId).contains(domain.vmId());
        DomainInfo listed = driver().find(domain.vmId()).orElseThrow();
        assertThat(listed.memoryMax()).isEqualTo(spec.memoryStaticMax());
        assertThat(listed.vcpusOnline()).isEqualTo(spec.vcpusOnline());
    }

    @Test
    void aDomainCreatedPausedStaysPausedUntilUnpaused() {
        UUID vmId = UUID.randomUUID();
        created.add(vmId);
        driver().create(bootable(vmId), true);
        assertThat(driver().find(vmId).orElseThrow().state()).isEqualTo(DomainState.PAUSED);

        driver().unpause(vmId);
        assertThat(driver().find(vmId).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void creatingASecondDomainWithTheSameUuidFailsWithInval() {
        DomainInfo domain = createRunning();
        assertThatThrownBy(() -> driver().create(bootable(domain.vmId()), false))
                .isInstanceOfSatisfying(HypervisorException.class, e -> assertThat(e.error()).isEqualTo(XenError.INVAL));
        assertThat(driver().list()).filteredOn(d -> d.vmId().equals(domain.vmId())).hasSize(1);
    }

    @Test
    void aDomainTooBigForTheHostFailsWithNomemAndLeavesNothingBehind() {
        UUID vmId = UUID.randomUUID();
        DomainSpec small = bootable(vmId);
        long tooMuch = driver().facts().memoryTotal() * 2;
        DomainSpec huge = new DomainSpec(vmId, small.name(), small.type(), tooMuch, tooMuch, small.vcpusMax(),
                small.vcpusOnline(), small.kernel(), small.ramdisk(), small.cmdline(), small.bootOrder(), Map.of(),
                List.of(), List.of());

        assertThatThrownBy(() -> driver().create(huge, false))
                .isInstanceOfSatisfying(HypervisorException.class, e -> assertThat(e.error()).isEqualTo(XenError.NOMEM));
        assertThat(driver().find(vmId)).isEmpty();
    }

    @Test
    void aRunningDomainTakesItsMemoryFromTheHostAndGivesItBackWhenDestroyed() {
        long freeBefore = driver().facts().memoryFree();
        DomainInfo domain = createRunning();
        long freeDuring = driver().facts().memoryFree();
        driver().destroy(domain.vmId());

        assertThat(freeBefore - freeDuring).isGreaterThanOrEqualTo(bootable(domain.vmId()).memoryTarget());
        await().atMost(Duration.ofSeconds(10)).until(() -> driver().facts().memoryFree() >= freeBefore);
    }

    @Test
    void destroyingTwiceOrDestroyingNothingIsFine() {
        DomainInfo domain = createRunning();
        driver().destroy(domain.vmId());
        driver().destroy(domain.vmId());
        driver().destroy(UUID.randomUUID());
        assertThat(driver().find(domain.vmId())).isEmpty();
    }

    @Test
    void pauseAndUnpauseAreIdempotent() {
        DomainInfo domain = createRunning();
        driver().pause(domain.vmId());
        driver().pause(domain.vmId());
        assertThat(driver().find(domain.vmId()).orElseThrow().state()).isEqualTo(DomainState.PAUSED);
        driver().unpause(domain.vmId());
        driver().unpause(domain.vmId());
        assertThat(driver().find(domain.vmId()).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void operationsOnAMissingDomainFailWithDomainNotFound() {
        UUID nobody = UUID.randomUUID();
        for (Runnable call : List.<Runnable>of(() -> driver().pause(nobody), () -> driver().unpause(nobody),
                () -> driver().requestShutdown(nobody), () -> driver().requestReboot(nobody),
                () -> driver().setMemoryTarget(nobody, 64L << 20), () -> driver().setVcpusOnline(nobody, 1),
                () -> driver().plugDisk(nobody, new DiskSpec("xvdb", "/nonexistent", "raw", false)),
                () -> driver().unplugDisk(nobody, "xvdb"), () -> driver().plugNic(nobody, new NicSpec("00:16:3e:00:00:09", bridge())),
                () -> driver().unplugNic(nobody, "00:16:3e:00:00:09"))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(HypervisorException.class,
                    e -> assertThat(e.error()).isEqualTo(XenError.DOMAIN_NOTFOUND));
        }
    }

    /** The dom0 bridge a test NIC joins. */
    protected String bridge() {
        return "xenbr0";
    }

    @Test
    void aDiskIsHotPluggedOnceAndUnplugged() throws Exception {
        DomainInfo domain = createRunning();
        Path image = workDir.resolve("data.img");
        Files.write(image, new byte[1 << 20]);
        DiskSpec disk = new DiskSpec("xvdb", image.toString(), "raw", false);
        driver().plugDisk(domain.vmId(), disk);
        assertThatThrownBy(() -> driver().plugDisk(domain.vmId(), disk)).isInstanceOfSatisfying(HypervisorException.class,
                e -> assertThat(e.error()).isEqualTo(XenError.DEVICE_EXISTS));
        driver().unplugDisk(domain.vmId(), "xvdb");
        assertThat(driver().find(domain.vmId()).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void aNicIsHotPluggedAndUnplugged() {
        DomainInfo domain = createRunning();
        driver().plugNic(domain.vmId(), new NicSpec("00:16:3e:00:00:0a", bridge()));
        driver().unplugNic(domain.vmId(), "00:16:3e:00:00:0a");
        assertThat(driver().find(domain.vmId()).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void aMediumGoesOnlyIntoACdDrive() throws Exception {
        DomainInfo domain = createRunning();
        Path image = workDir.resolve("disk.img");
        Files.write(image, new byte[1 << 20]);
        driver().plugDisk(domain.vmId(), new DiskSpec("xvdb", image.toString(), "raw", false));
        assertThatThrownBy(() -> driver().changeMedium(domain.vmId(), new DiskSpec("xvdb", image.toString(), "raw", true, true)))
                .isInstanceOfSatisfying(HypervisorException.class, e -> assertThat(e.error()).isEqualTo(XenError.INVAL));
    }

    @Test
    void aCleanShutdownRequestEndsInAPoweroffEvent() {
        List<ShutdownReason> heard = listen();
        DomainInfo domain = createRunning();
        driver().requestShutdown(domain.vmId());
        await().atMost(Duration.ofSeconds(60)).until(() -> heard.contains(ShutdownReason.POWEROFF));
        assertThat(driver().find(domain.vmId()).map(DomainInfo::state)).contains(DomainState.SHUTDOWN);
    }

    @Test
    void aCleanRebootRequestEndsInARebootEvent() {
        List<ShutdownReason> heard = listen();
        DomainInfo domain = createRunning();
        driver().requestReboot(domain.vmId());
        await().atMost(Duration.ofSeconds(60)).until(() -> heard.contains(ShutdownReason.REBOOT));
    }

    @Test
    void theBalloonTargetMovesWithinTheMaximumAndNotBeyond() {
        DomainInfo domain = createRunning();
        long max = bootable(domain.vmId()).memoryStaticMax();
        driver().setMemoryTarget(domain.vmId(), max / 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> driver().find(domain.vmId()).orElseThrow().memoryActual() <= max / 2);
        assertThatThrownBy(() -> driver().setMemoryTarget(domain.vmId(), max * 2))
                .isInstanceOfSatisfying(HypervisorException.class, e -> assertThat(e.error()).isEqualTo(XenError.INVAL));
    }

    @Test
    void vcpusGoOnlineUpToTheMaximum() {
        DomainInfo domain = createRunning();
        driver().setVcpusOnline(domain.vmId(), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> driver().find(domain.vmId()).orElseThrow().vcpusOnline() == 1);
    }

    @Test
    void aSuspendedDomainIsGoneAndComesBackFromItsImageWithANewDomid() throws Exception {
        DomainInfo domain = createRunning();
        Path image = workDir.resolve(domain.vmId() + ".img");
        driver().suspend(domain.vmId(), image);

        assertThat(driver().find(domain.vmId())).isEmpty();
        assertThat(Files.size(image)).isPositive();
        DomainInfo restored = driver().restore(bootable(domain.vmId()), image, true);
        assertThat(restored.state()).isEqualTo(DomainState.PAUSED);
        assertThat(restored.domid()).isNotEqualTo(domain.domid());
    }

    @Test
    void aDomainMigratesToAnotherHostAndTheSourceLetsGoAfterwards() {
        Assumptions.assumeTrue(secondHost().isPresent(), "this driver's test has no second host to migrate to");
        HypervisorDriver target = secondHost().orElseThrow();
        DomainInfo domain = createRunning();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        driver().sendMigration(domain.vmId(), stream);

        DomainInfo arrived = target.receiveMigration(bootable(domain.vmId()), new ByteArrayInputStream(stream.toByteArray()));
        driver().destroy(domain.vmId());
        target.unpause(domain.vmId());

        assertThat(arrived.state()).isEqualTo(DomainState.PAUSED);
        assertThat(driver().find(domain.vmId())).isEmpty();
        assertThat(target.find(domain.vmId()).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void aDomainWhoseMigrationFailedRunsOnWhereItWas() {
        DomainInfo domain = createRunning();
        driver().sendMigration(domain.vmId(), new ByteArrayOutputStream());
        driver().resumeAfterFailedMigration(domain.vmId());
        assertThat(driver().find(domain.vmId()).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
    }

    private List<ShutdownReason> listen() {
        List<ShutdownReason> heard = new CopyOnWriteArrayList<>();
        driver().addListener((vmId, domid, reason) -> heard.add(reason));
        return heard;
    }
}
