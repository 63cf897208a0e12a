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
import org.xenplane.daemon.domain.DomainManager;
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
    /** Whether a domain manager listens to the driver: it would act on the next tests' domains (libxl's driver is shared). */
    private boolean managed;

    /** The driver under test; the same instance for the whole test. */
    protected abstract HypervisorDriver driver();

    /** A spec for a small guest this host can boot, with the given uuid. */
    protected abstract DomainSpec bootable(UUID vmId);

    /**
     * The daemon restarts: the driver is closed (its listeners hear nothing more) and a new one is
     * opened on the same host, as a new daemon process would open it; {@link #driver()} returns
     * the new one from now on.
     */
    protected abstract HypervisorDriver restartDriver();

    /** A second host to migrate to, if the driver's test can offer one. */
    protected abstract Optional<HypervisorDriver> secondHost();

    /**
     * Waits until the guest in the domain has booted far enough to answer the toolstack (its PV
     * drivers are up): a real guest that is still booting misses shutdown, reboot and suspend
     * requests and does not balloon yet. Simulated guests answer at once.
     */
    protected void awaitGuestUp(UUID vmId) {
    }

    /** A disk this host can plug into a running guest at {@code vdev} (a file it creates where it needs one). */
    protected abstract DiskSpec pluggableDisk(String vdev) throws Exception;

    /** A NIC with {@code mac} on a bridge this host has. */
    protected abstract NicSpec pluggableNic(String mac);

    @AfterEach
    void destroyWhatTheTestCreated() {
        for (UUID vmId : created) {
            driver().destroy(vmId);
            secondHost().ifPresent(h -> h.destroy(vmId));
        }
        if (managed) {
            restartDriver();
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
        // A real guest brings its secondary vCPUs up as it boots: Xen counts them online then.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(driver().find(domain.vmId()).orElseThrow().vcpusOnline()).isEqualTo(spec.vcpusOnline()));
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
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(driver().facts().memoryFree()).isGreaterThanOrEqualTo(freeBefore));
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
                () -> driver().attachDisk(nobody, new DiskSpec("xvdb", "/nonexistent", "raw", false)),
                () -> driver().detachDisk(nobody, "xvdb"), () -> driver().detachNic(nobody, "00:16:3e:00:00:09"),
                () -> driver().changeMedium(nobody, new DiskSpec("xvdd", null, "raw", true, true)))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(HypervisorException.class,
                    e -> assertThat(e.error()).isEqualTo(XenError.DOMAIN_NOTFOUND));
        }
    }

    @Test
    void aMediumGoesOnlyIntoACdDrive() throws Exception {
        DomainInfo domain = createRunning();
        DiskSpec disk = pluggableDisk("xvdb");
        driver().attachDisk(domain.vmId(), disk);
        assertThatThrownBy(() -> driver().changeMedium(domain.vmId(), new DiskSpec("xvdb", disk.path(), disk.format(), true, true)))
                .isInstanceOfSatisfying(HypervisorException.class, e -> assertThat(e.error()).isEqualTo(XenError.INVAL));
    }

    @Test
    void aCleanShutdownRequestEndsInAPoweroffEvent() {
        List<ShutdownReason> heard = listen();
        DomainInfo domain = createRunning();
        awaitGuestUp(domain.vmId());
        driver().requestShutdown(domain.vmId());
        await().atMost(Duration.ofSeconds(60)).until(() -> heard.contains(ShutdownReason.POWEROFF));
        assertThat(driver().find(domain.vmId()).map(DomainInfo::state)).contains(DomainState.SHUTDOWN);
    }

    @Test
    void aCleanRebootRequestEndsInARebootEvent() {
        List<ShutdownReason> heard = listen();
        DomainInfo domain = createRunning();
        awaitGuestUp(domain.vmId());
        driver().requestReboot(domain.vmId());
        await().atMost(Duration.ofSeconds(60)).until(() -> heard.contains(ShutdownReason.REBOOT));
    }

    @Test
    void theBalloonTargetMovesWithinTheMaximumAndNotBeyond() {
        DomainInfo domain = createRunning();
        awaitGuestUp(domain.vmId());
        long max = bootable(domain.vmId()).memoryStaticMax();
        driver().setMemoryTarget(domain.vmId(), max / 2);
        // a real guest gives the memory back once its balloon driver runs, at its own pace
        await().atMost(Duration.ofSeconds(150)).untilAsserted(() ->
                assertThat(driver().find(domain.vmId()).orElseThrow().memoryActual()).isLessThanOrEqualTo(max / 2));
        assertThat(driver().find(domain.vmId()).orElseThrow().memoryMax()).isEqualTo(max);
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
    void aDiskAndANicPlugIntoARunningDomainAndOutAgain() throws Exception {
        DomainInfo domain = createRunning();
        UUID vmId = domain.vmId();
        String mac = "00:16:3e:5a:00:02";

        driver().attachDisk(vmId, pluggableDisk("xvdb"));
        driver().attachNic(vmId, pluggableNic(mac));
        assertThat(driver().find(vmId).orElseThrow().devices()).contains("vbd:xvdb")
                .anyMatch(d -> d.startsWith("vif:") && d.endsWith(":" + mac));
        assertThatThrownBy(() -> driver().attachDisk(vmId, pluggableDisk("xvdb")))
                .isInstanceOfSatisfying(HypervisorException.class, e -> assertThat(e.error()).isEqualTo(XenError.DEVICE_EXISTS));

        driver().detachDisk(vmId, "xvdb");
        driver().detachNic(vmId, mac);
        assertThat(driver().find(vmId).orElseThrow().devices()).doesNotContain("vbd:xvdb")
                .noneMatch(d -> d.startsWith("vif:") && d.endsWith(":" + mac));
        assertThatThrownBy(() -> driver().detachDisk(vmId, "xvdb"))
                .isInstanceOfSatisfying(HypervisorException.class, e -> assertThat(e.error()).isEqualTo(XenError.NOTFOUND));
        assertThatThrownBy(() -> driver().detachNic(UUID.randomUUID(), mac))
                .isInstanceOfSatisfying(HypervisorException.class, e -> assertThat(e.error()).isEqualTo(XenError.DOMAIN_NOTFOUND));
    }

    @Test
    void aSuspendedDomainIsGoneAndComesBackFromItsImageWithANewDomid() throws Exception {
        DomainInfo domain = createRunning();
        awaitGuestUp(domain.vmId());
        Path image = workDir.resolve(domain.vmId() + ".img");
        driver().suspend(domain.vmId(), image);

        assertThat(driver().find(domain.vmId())).isEmpty();
        assertThat(Files.size(image)).isPositive();
        DomainInfo restored = driver().restore(bootable(domain.vmId()), image, true);
        assertThat(restored.state()).isEqualTo(DomainState.PAUSED);
        assertThat(restored.domid()).isNotEqualTo(domain.domid());
    }

    @Test
    void aSuspendNoGuestAnswersFailsWithGuestTimedoutAndLeavesTheDomainAsItWas() {
        // Xen suspends a PV or PVH guest only with the guest's help; a paused one cannot give it
        UUID vmId = UUID.randomUUID();
        created.add(vmId);
        driver().create(bootable(vmId), true);

        assertThatThrownBy(() -> driver().suspend(vmId, workDir.resolve(vmId + ".img")))
                .isInstanceOfSatisfying(HypervisorException.class, e -> assertThat(e.error()).isEqualTo(XenError.GUEST_TIMEDOUT));
        assertThat(driver().find(vmId).map(DomainInfo::state)).contains(DomainState.PAUSED);
    }

    @Test
    void aDomainMigratesToAnotherHostAndTheSourceLetsGoAfterwards() {
        Assumptions.assumeTrue(secondHost().isPresent(), "this driver's test has no second host to migrate to");
        HypervisorDriver target = secondHost().orElseThrow();
        DomainInfo domain = createRunning();
        awaitGuestUp(domain.vmId());
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
        awaitGuestUp(domain.vmId());
        driver().sendMigration(domain.vmId(), java.io.OutputStream.nullOutputStream()); // a guest's memory: not kept
        driver().resumeAfterFailedMigration(domain.vmId());
        assertThat(driver().find(domain.vmId()).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
    }

    // ---- adopt after restart: domains outlive the daemon, and their policies keep working

    @Test
    void aRestartedDaemonAdoptsTheRunningDomainUnchangedAndRebuildsItWhenTheGuestReboots() {
        UUID vmId = UUID.randomUUID();
        created.add(vmId);
        DomainInfo built = manager().create("create-" + vmId, bootable(vmId), false).domain();
        awaitGuestUp(vmId);

        restartDriver();
        DomainManager adopting = manager();
        assertThat(adopting.adopt()).extracting(DomainInfo::vmId).contains(vmId);
        DomainInfo adopted = adopting.find(vmId).orElseThrow();
        assertThat(adopted.domid()).isEqualTo(built.domid());
        assertThat(adopted.state()).isEqualTo(DomainState.RUNNING);
        assertThat(adopting.report(UUID.randomUUID()).domains()).extracting(DomainInfo::vmId, DomainInfo::domid)
                .contains(org.assertj.core.groups.Tuple.tuple(vmId, built.domid()));

        driver().requestReboot(vmId); // the adopted domain's event is heard and its kept spec rebuilds it
        await().atMost(Duration.ofSeconds(120)).until(() -> adopting.find(vmId)
                .filter(d -> d.domid() != built.domid() && d.state() == DomainState.RUNNING).isPresent());
        assertThat(adopting.report(UUID.randomUUID()).ended()).noneMatch(e -> e.vmId().equals(vmId));
    }

    /**
     * Whether this driver's run proves {@link #guestsThatStoppedWhileNoDaemonRanGetTheirPolicyOnAdoption}
     * (two guests booted, stopped behind the daemon's back, then adopted). The reason when it does not.
     */
    protected Optional<String> stoppedGuestAdoptionNotProvenBecause() {
        return Optional.empty();
    }

    @Test
    void guestsThatStoppedWhileNoDaemonRanGetTheirPolicyOnAdoption() {
        Assumptions.assumeTrue(stoppedGuestAdoptionNotProvenBecause().isEmpty(),
                () -> stoppedGuestAdoptionNotProvenBecause().orElse(""));
        UUID poweredOff = UUID.randomUUID();
        UUID rebooted = UUID.randomUUID();
        created.addAll(List.of(poweredOff, rebooted));
        DomainManager before = manager();
        before.create("create-" + poweredOff, bootable(poweredOff), false);
        int firstDomid = before.create("create-" + rebooted, bootable(rebooted), false).domain().domid();
        awaitGuestUp(poweredOff);
        awaitGuestUp(rebooted);

        HypervisorDriver nobodyListens = restartDriver();
        nobodyListens.requestShutdown(poweredOff);
        nobodyListens.requestReboot(rebooted);
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of(poweredOff, rebooted).stream()
                .allMatch(id -> nobodyListens.find(id).map(DomainInfo::state).orElse(null) == DomainState.SHUTDOWN));

        DomainManager adopting = manager();
        adopting.adopt();
        assertThat(adopting.find(poweredOff)).isEmpty();
        assertThat(adopting.report(UUID.randomUUID()).ended())
                .anyMatch(e -> e.vmId().equals(poweredOff) && e.reason() == ShutdownReason.POWEROFF);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(adopting.find(rebooted)).hasValueSatisfying(d -> {
            assertThat(d.domid()).isNotEqualTo(firstDomid);
            assertThat(d.state()).isEqualTo(DomainState.RUNNING);
        }));
    }

    /** The daemon's domain manager over the current driver, keeping its specs where a restarted one finds them. */
    private DomainManager manager() {
        managed = true;
        return new DomainManager("contract", driver(), workDir.resolve("images"), workDir.resolve("specs"));
    }

    private List<ShutdownReason> listen() {
        List<ShutdownReason> heard = new CopyOnWriteArrayList<>();
        driver().addListener((vmId, domid, reason) -> heard.add(reason));
        return heard;
    }
}
