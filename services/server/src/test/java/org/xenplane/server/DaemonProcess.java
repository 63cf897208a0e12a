package org.xenplane.server;

import java.nio.file.Path;
import java.util.Map;

/** The packaged host daemon in simulator mode, simulating several hosts, as a real process. */
final class DaemonProcess implements AutoCloseable {
    private final JavaProcess process;

    DaemonProcess(Path stateDir, String controlPlaneUrl, int hosts, String joinTokens, int port) {
        this(stateDir, controlPlaneUrl, hosts, joinTokens, port, Map.of());
    }

    /** With more daemon settings, e.g. {@code xenplane.daemon.driver} or {@code xenplane.daemon.network.*}. */
    DaemonProcess(Path stateDir, String controlPlaneUrl, int hosts, String joinTokens, int port, Map<String, String> more) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of("xenplane.daemon.control-plane-url", controlPlaneUrl,
                "xenplane.daemon.join-tokens", joinTokens,
                "xenplane.daemon.state-dir", stateDir.toString(),
                "xenplane.daemon.simulator.hosts", Integer.toString(hosts),
                "xenplane.daemon.heartbeat-interval", "500ms",
                // the scenarios' SRs are temporary directories
                "xenplane.daemon.storage.allowed-file-roots", System.getProperty("java.io.tmpdir"),
                "quarkus.http.port", Integer.toString(port)));
        properties.putAll(more);
        this.process = new JavaProcess("daemon", JavaProcess.jar("xenplane.daemon.jar"), stateDir.resolve("daemon.log"),
                java.util.List.of("-Xmx512m"), properties, Map.of());
    }

    ProcessHandle handle() {
        return process.handle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
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
