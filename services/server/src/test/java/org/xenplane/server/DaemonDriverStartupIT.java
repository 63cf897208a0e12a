package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged daemon asked for the libxl driver off Xen stops at start-up with one clear line. */
class DaemonDriverStartupIT {
    @TempDir
    Path workDir;

    @Test
    void theLibxlDriverOffXenStopsTheDaemonSayingWhatIsMissing() throws Exception {
        Assumptions.assumeFalse(Files.exists(Path.of("/dev/xen/privcmd")), "this machine is a Xen dom0");
        DaemonProcess daemon = new DaemonProcess(workDir, "http://127.0.0.1:9", 1, "", FreePorts.next(),
                Map.of("xenplane.daemon.driver", "libxl")).start();

        await().atMost(Duration.ofSeconds(60)).until(() -> !daemon.isAlive());
        assertThat(daemon.exitValue()).isNotZero();
        assertThat(daemon.log()).contains("xenplane.daemon.driver=libxl: /dev/xen/privcmd is missing: this machine is not"
                + " a Xen dom0");
    }
}
