package org.xenplane.server;

import java.nio.file.Path;
import java.util.Map;

/** The packaged host daemon in simulator mode, simulating several hosts, as a real process. */
final class DaemonProcess implements AutoCloseable {
    private final JavaProcess process;

    DaemonProcess(Path stateDir, String controlPlaneUrl, int hosts, String joinTokens, int port) {
        this.process = new JavaProcess("daemon", JavaProcess.jar("xenplane.daemon.jar"), stateDir.resolve("daemon.log"),
                Map.of("xenplane.daemon.control-plane-url", controlPlaneUrl,
                        "xenplane.daemon.join-tokens", joinTokens,
                        "xenplane.daemon.state-dir", stateDir.toString(),
                        "xenplane.daemon.simulator.hosts", Integer.toString(hosts),
                        "xenplane.daemon.heartbeat-interval", "500ms",
                        "quarkus.http.port", Integer.toString(port)),
                Map.of());
    }

    DaemonProcess start() throws Exception {
        process.start();
        return this;
    }

    void kill() throws InterruptedException {
        process.kill();
    }

    String log() {
        return process.describe();
    }

    @Override
    public void close() throws InterruptedException {
        process.stop();
    }
}
