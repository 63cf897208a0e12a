package org.xenplane.daemon.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.api.DaemonException;
import org.xenplane.daemon.protocol.WireError;
import org.xenplane.daemon.protocol.storage.ForkResult;
import org.xenplane.daemon.protocol.storage.ImageFormat;
import org.xenplane.daemon.protocol.storage.VolumeInfo;

/**
 * The volume operations on a {@code file} SR in a temporary directory, with the real qemu-img:
 * every content check reads the guest-visible bytes back through qemu-img.
 */
class FileVolumesTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private final Commands commands = new Commands(Duration.ofMinutes(2));
    private final QemuImg qemu = new QemuImg(commands, new ObjectMapper());
    private FileDriver driver;
    private SrHandle sr;
    private QcowVolumes volumes;

    @BeforeEach
    void fileSr() {
        driver = new FileDriver(new FileSrRoots(List.of(dir), Optional.empty()));
        sr = new SrHandle(UUID.randomUUID(), "sim-host-1", Map.of("path", dir.resolve("sr").toString()), false);
        driver.validate(sr.deviceConfig());
        driver.create(sr);
        driver.attach(sr);
        volumes = new QcowVolumes(driver.space(sr), qemu);
    }

    @Test
    void createMakesAThinQcow2FileNamedByTheUuid() {
        UUID id = UUID.randomUUID();
        VolumeInfo v = volumes.create(id, 64 * MIB);
        assertThat(v.virtualSize()).isEqualTo(64 * MIB);
        assertThat(v.physicalUtilisation()).isLessThan(2 * MIB);
        assertThat(v.format()).isEqualTo("qcow2");
        assertThat(Path.of(v.path())).isEqualTo(dir.resolve("sr").resolve(id + ".qcow2")).exists();
        assertThat(volumes.create(id, 64 * MIB)).as("a repeated create answers the same volume").isEqualTo(v);
    }

    @Test
    void snapshotKeepsTheContentOfItsMomentWhileTheOriginalChanges() throws Exception {
        UUID a = UUID.randomUUID();
        volumes.create(a, 8 * MIB);
        write(a, 1);
        UUID base = UUID.randomUUID();
        UUID snap = UUID.randomUUID();
        ForkResult fork = volumes.fork(a, base, snap);
        assertThat(fork.original().parentId()).isEqualTo(base);
        assertThat(fork.leaf().parentId()).isEqualTo(base);
        write(a, 2);
        assertThat(read(a)).isEqualTo(2);
        assertThat(read(snap)).isEqualTo(1);
    }

    @Test
    void cloneIsCopyOnWriteAndIndependentOfTheOriginal() throws Exception {
        UUID a = UUID.randomUUID();
        volumes.create(a, 8 * MIB);
        write(a, 3);
        UUID clone = UUID.randomUUID();
        ForkResult fork = volumes.fork(a, UUID.randomUUID(), clone);
        assertThat(fork.leaf().physicalUtilisation()).isLessThan(MIB);
        write(clone, 4);
        assertThat(read(a)).isEqualTo(3);
        assertThat(read(clone)).isEqualTo(4);
    }

    @Test
    void resizeGrowsAndRefusesToShrink() {
        UUID a = UUID.randomUUID();
        volumes.create(a, 8 * MIB);
        assertThat(volumes.resize(a, 16 * MIB).virtualSize()).isEqualTo(16 * MIB);
        assertThatThrownBy(() -> volumes.resize(a, 4 * MIB)).isInstanceOf(StorageFailure.class).hasMessageContaining("shrinking");
    }

    @Test
    void copyToAnotherSrIsAFullFlattenedCopy() throws Exception {
        UUID a = UUID.randomUUID();
        volumes.create(a, 8 * MIB);
        write(a, 5);
        volumes.fork(a, UUID.randomUUID(), UUID.randomUUID());
        write(a, 6);
        SrHandle other = new SrHandle(UUID.randomUUID(), "sim-host-1", Map.of("path", dir.resolve("other").toString()), false);
        driver.create(other);
        QcowVolumes target = new QcowVolumes(driver.space(other), qemu);
        UUID copy = UUID.randomUUID();
        VolumeInfo v = volumes.copyTo(a, target, copy);
        assertThat(v.parentId()).isNull();
        assertThat(v.virtualSize()).isEqualTo(8 * MIB);
        assertThat(readBytes(target, copy, 1)[0]).isEqualTo((byte) 6);
    }

    @Test
    void exportAndImportRoundTripIsByteIdenticalInBothFormats() throws Exception {
        UUID a = UUID.randomUUID();
        volumes.create(a, 4 * MIB);
        writeRandom(a);
        String original = digest(volumes.export(a, ImageFormat.RAW));
        for (ImageFormat format : ImageFormat.values()) {
            Path exported = volumes.export(a, format);
            UUID b = UUID.randomUUID();
            volumes.create(b, 4 * MIB);
            VolumeInfo imported = volumes.importImage(b, exported, format, 4 * MIB);
            assertThat(imported.virtualSize()).isEqualTo(4 * MIB);
            assertThat(digest(volumes.export(b, ImageFormat.RAW))).as("round trip through %s", format).isEqualTo(original);
        }
    }

    @Test
    void importOfAnImageLargerThanTheVdiIsRefusedAndChangesNothing() throws Exception {
        UUID small = UUID.randomUUID();
        volumes.create(small, MIB);
        Path raw = dir.resolve("big.raw");
        Files.write(raw, new byte[2 * (int) MIB]);
        assertThatThrownBy(() -> volumes.importImage(small, raw, ImageFormat.RAW, MIB))
                .isInstanceOfSatisfying(DaemonException.class, e -> assertThat(e.error()).isEqualTo(WireError.VDI_TOO_SMALL));
        assertThat(volumes.info(small).virtualSize()).isEqualTo(MIB);
    }

    @Test
    void importOfAQcow2WithABackingFileIsRefused() {
        UUID target = UUID.randomUUID();
        volumes.create(target, 8 * MIB);
        Path evil = dir.resolve("evil.qcow2");
        commands.run(List.of("qemu-img", "create", "-q", "-f", "qcow2", "-u", "-b", "/etc/passwd", "-F", "raw",
                evil.toString(), Long.toString(MIB)));
        assertThatThrownBy(() -> volumes.importImage(target, evil, ImageFormat.QCOW2, 8 * MIB))
                .isInstanceOfSatisfying(DaemonException.class, e -> assertThat(e.error()).isEqualTo(WireError.VDI_CONTENT_INVALID));
    }

    @Test
    void importOfSomethingThatIsNotQcow2IsRefused() throws IOException {
        UUID target = UUID.randomUUID();
        volumes.create(target, 8 * MIB);
        Path text = Files.writeString(dir.resolve("notes.qcow2"), "not an image");
        assertThatThrownBy(() -> volumes.importImage(target, text, ImageFormat.QCOW2, 8 * MIB))
                .isInstanceOfSatisfying(DaemonException.class, e -> assertThat(e.error()).isEqualTo(WireError.VDI_CONTENT_INVALID));
    }

    @Test
    void coalesceAfterSnapshotDeletionMergesTheBaseIntoTheRemainingChild() throws Exception {
        UUID a = UUID.randomUUID();
        volumes.create(a, 8 * MIB);
        write(a, 7);
        UUID base = UUID.randomUUID();
        UUID snap = UUID.randomUUID();
        volumes.fork(a, base, snap);
        write(a, 8);
        volumes.remove(snap);
        VolumeInfo merged = volumes.coalesce(a, base);
        assertThat(merged.parentId()).isNull();
        assertThat(volumes.space().exists(base)).isFalse();
        assertThat(read(a)).isEqualTo(8);
        assertThat(volumes.coalesce(a, base)).as("a repeated coalesce is a no-op").isEqualTo(merged);
    }

    @Test
    void aFailingForkLeavesNoOrphanFileAndTheOriginalIntact() throws Exception {
        UUID a = UUID.randomUUID();
        volumes.create(a, 8 * MIB);
        write(a, 9);
        UUID base = UUID.randomUUID();
        UUID leaf = UUID.randomUUID();
        Path leafPath = volumes.space().path(leaf);
        Files.createDirectories(leafPath); // qemu-img cannot create the leaf over a directory
        List<String> before = listing();
        assertThatThrownBy(() -> volumes.fork(a, base, leaf)).isInstanceOf(StorageFailure.class);
        Files.deleteIfExists(leafPath);
        assertThat(listing()).isEqualTo(before.stream().filter(n -> !n.equals(leaf + ".qcow2")).toList());
        assertThat(volumes.info(a).parentId()).isNull();
        assertThat(read(a)).isEqualTo(9);
    }

    @Test
    void aFailingCreateLeavesNoFile() {
        UUID a = UUID.randomUUID();
        assertThatThrownBy(() -> volumes.create(a, -1)).isInstanceOf(StorageFailure.class);
        assertThat(volumes.space().exists(a)).isFalse();
    }

    @Test
    void pathsInDeviceConfigAreValidatedAndVolumeNamesComeFromUuidsOnly() {
        for (String bad : List.of("relative/dir", "/", dir + "/../etc", dir + "//x", dir + "/a\nb", "/etc/xenplane")) {
            assertThatThrownBy(() -> driver.validate(Map.of("path", bad))).as(bad)
                    .isInstanceOfSatisfying(DaemonException.class,
                            e -> assertThat(e.error()).isEqualTo(WireError.SR_DEVICE_CONFIG_INVALID));
        }
        assertThatThrownBy(() -> driver.validate(Map.of("path", dir.toString(), "mode", "x")))
                .isInstanceOf(DaemonException.class);
        DirectorySpace space = new DirectorySpace(dir);
        assertThat(space.parse("../../etc/passwd")).isNull();
        assertThat(space.parse("x.qcow2")).isNull();
    }

    @Test
    void aSecondSrIsNotCreatedOverTheFirst() {
        SrHandle other = new SrHandle(UUID.randomUUID(), "sim-host-1", sr.deviceConfig(), false);
        assertThatThrownBy(() -> driver.create(other)).isInstanceOfSatisfying(DaemonException.class,
                e -> assertThat(e.parameters().get("reason")).contains("already holds SR " + sr.srId()));
    }

    /** A directory of someone else's images is taken only by sr.adopt: an introduce is refused and leaves no marker. */
    @Test
    void volumesOfNoSrAreTakenOnlyByAnAdoption() throws IOException {
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        UUID image = UUID.randomUUID();
        qemu.create(foreign.resolve(image + ".qcow2"), MIB, null);
        SrHandle introduced = new SrHandle(UUID.randomUUID(), "sim-host-1", Map.of("path", foreign.toString()), false);
        assertThatThrownBy(() -> driver.attach(introduced)).isInstanceOfSatisfying(DaemonException.class,
                e -> assertThat(e.parameters().get("reason")).contains("volumes of no SR").contains("sr.adopt"));
        assertThat(foreign.resolve(FileDriver.MARKER)).doesNotExist();

        SrHandle adopted = new SrHandle(introduced.srId(), "sim-host-1", introduced.deviceConfig(), true);
        driver.attach(adopted);
        assertThat(new DirectorySpace(foreign).list()).containsExactly(image);
        driver.attach(introduced); // the directory is the SR's now: a later plug needs no adoption
    }

    @Test
    void anEmptyDirectoryIsIntroducedWithoutAdoption() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        driver.attach(new SrHandle(UUID.randomUUID(), "sim-host-1", Map.of("path", empty.toString()), false));
        assertThat(empty.resolve(FileDriver.MARKER)).exists();
    }

    @Test
    void destroyRemovesTheVolumesAndTheMarkerOnly() throws IOException {
        volumes.create(UUID.randomUUID(), MIB);
        Path mine = Files.writeString(dir.resolve("sr").resolve("keep.txt"), "not ours");
        driver.destroy(sr);
        assertThat(listing()).containsExactly("keep.txt");
        assertThat(mine).exists();
    }

    private List<String> listing() throws IOException {
        try (var files = Files.list(dir.resolve("sr"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".xenplane-staging")).sorted().toList();
        }
    }

    // Guest-visible content: qemu-io writes a byte pattern as a guest would, qemu-img reads it back.
    private void write(UUID id, int pattern) {
        commands.run(List.of("qemu-io", "-f", "qcow2", "-c", "write -P " + pattern + " 0 64k",
                volumes.space().path(id).toString()));
    }

    private int read(UUID id) throws IOException {
        return readBytes(volumes, id, 1)[0];
    }

    private static byte[] readBytes(QcowVolumes volumes, UUID id, int length) throws IOException {
        Path raw = volumes.export(id, ImageFormat.RAW);
        try {
            byte[] all = Files.readAllBytes(raw);
            return java.util.Arrays.copyOf(all, length);
        } finally {
            Files.delete(raw);
        }
    }

    private void writeRandom(UUID id) throws IOException {
        Path raw = dir.resolve("random.raw");
        byte[] data = new byte[4 * (int) MIB];
        new java.util.Random(42).nextBytes(data);
        Files.write(raw, data);
        volumes.importImage(id, raw, ImageFormat.RAW, 4 * MIB);
    }

    private static String digest(Path file) throws Exception {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } finally {
            Files.delete(file);
        }
    }
}
