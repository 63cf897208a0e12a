package org.xenplane.daemon.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.api.DaemonException;
import org.xenplane.daemon.protocol.storage.ForkResult;

/**
 * The {@code nfs} driver against a real NFS server on loopback: NFS-Ganesha (userspace, from
 * Debian's nfs-ganesha and nfs-ganesha-vfs) exporting a temporary directory over NFSv4. The
 * libnfs client (libnfs-utils) proves the export is served. Mounting needs the kernel's NFS
 * client; on a kernel without it (this project's build machines) the test checks that SR
 * creation fails with mount's own reason, leaves nothing mounted, and says so in its output.
 */
class NfsDriverTest {
    @TempDir
    Path dir;

    private final Commands commands = new Commands(Duration.ofMinutes(1));
    private Process ganesha;
    private int port;
    private NfsDriver driver;
    private SrHandle sr;

    @BeforeEach
    void nfsServerOnLoopback() throws Exception {
        Path export = Files.createDirectories(dir.resolve("export"));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("ganesha.conf"), """
                NFS_CORE_PARAM { Protocols = 4; NFS_Port = %d; Bind_addr = 127.0.0.1; Enable_RQUOTA = false; Enable_NLM = false; }
                NFSV4 { Graceless = true; }
                EXPORT { Export_Id = 1; Path = %s; Pseudo = /export; Access_Type = RW; Squash = No_Root_Squash;
                         Protocols = 4; SecType = sys; FSAL { Name = VFS; } }
                """.formatted(port, export));
        ganesha = new ProcessBuilder("ganesha.nfsd", "-F", "-f", config.toString(), "-L", dir.resolve("ganesha.log").toString(),
                "-p", dir.resolve("ganesha.pid").toString(), "-N", "NIV_EVENT").redirectErrorStream(true)
                .redirectOutput(dir.resolve("ganesha.out").toFile()).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            assertThat(ganesha.isAlive()).as("ganesha.nfsd runs; its log: %s", log()).isTrue();
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        Files.writeString(export.resolve("served.txt"), "hello");
        driver = new NfsDriver(commands, dir.resolve("mnt"));
        sr = new SrHandle(UUID.randomUUID(), "sim-host-1",
                Map.of("server", "127.0.0.1", "serverpath", "/export", "nfsversion", "4", "port", Integer.toString(port)), false);
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (driver != null) {
            try {
                driver.detach(sr);
            } catch (RuntimeException ignored) {
                // not mounted
            }
        }
        if (ganesha != null) {
            ganesha.destroy();
            ganesha.waitFor();
        }
    }

    private String log() {
        try {
            return Files.exists(dir.resolve("ganesha.log")) ? Files.readString(dir.resolve("ganesha.log")) : "(none)";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    @Test
    void anSrOnARealNfsExportIsMountedPerHostOrFailsWithMountsReason() throws IOException {
        String listing = commands.run(List.of("nfs-ls", "nfs://127.0.0.1/export?version=4&nfsport=" + port)).stdout();
        assertThat(listing).as("the export is served (libnfs client)").contains("served.txt");
        driver.validate(sr.deviceConfig());
        assertThat(driver.mountCommand(sr)).containsSubsequence("mount", "-t", "nfs", "127.0.0.1:/export",
                dir.resolve("mnt").resolve("sim-host-1").resolve(sr.srId().toString()).toString());
        if (!Files.readString(Path.of("/proc/filesystems")).contains("\tnfs")) {
            assertThatThrownBy(() -> driver.create(sr)).isInstanceOf(StorageFailure.class).hasMessageContaining("mount");
            assertThat(NfsDriver.mounted(driver.mountPoint(sr))).isFalse();
            System.out.println("NFS gap: this kernel has no NFS client, so the export (served for real by NFS-Ganesha"
                    + " on 127.0.0.1:" + port + ") cannot be mounted here; mount said it failed, nothing was left mounted");
            return;
        }
        driver.create(sr);
        driver.attach(sr);
        QcowVolumes volumes = new QcowVolumes(driver.space(sr), new QemuImg(commands, new ObjectMapper()));
        UUID id = UUID.randomUUID();
        volumes.create(id, 1 << 20);
        ForkResult fork = volumes.fork(id, UUID.randomUUID(), UUID.randomUUID());
        assertThat(fork.leaf().parentId()).isEqualTo(fork.base().id());
        assertThat(dir.resolve("export").resolve(sr.srId().toString()).resolve(id + ".qcow2")).exists();
        driver.detach(sr);
        assertThat(NfsDriver.mounted(driver.mountPoint(sr))).isFalse();
    }

    @Test
    void badDeviceConfigIsRefusedBeforeAnythingRuns() {
        List<Map<String, String>> bad = List.of(
                Map.of("server", "127.0.0.1"),
                Map.of("server", "-oexec", "serverpath", "/export"),
                Map.of("server", "a b", "serverpath", "/export"),
                Map.of("server", "nas", "serverpath", "/export/../etc"),
                Map.of("server", "nas", "serverpath", "/export", "nfsversion", "2"),
                Map.of("server", "nas", "serverpath", "/export", "port", "99999"),
                Map.of("server", "nas", "serverpath", "/export", "options", "exec"));
        for (Map<String, String> config : bad) {
            assertThatThrownBy(() -> driver.validate(config)).as(config.toString()).isInstanceOf(DaemonException.class);
        }
    }
}
