package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} package; {@code .ci/run} installs it) on a free
 * loopback port, with its own config and storage under a test's directory. Closing it stops the
 * process (SIGTERM, then SIGKILL) and waits for it to end: a test never leaves one behind.
 */
final class PrometheusProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final Thread killOnExit;
    final int port;

    private PrometheusProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        // should the test JVM end without closing this (a failsafe timeout), Prometheus goes with it
        this.killOnExit = new Thread(process::destroyForcibly, "prometheus-kill-on-exit");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** The prometheus binary: {@code -Dxenplane.prometheus=...}, else {@code prometheus} on the PATH. Fails clearly when missing. */
    static Path binary() {
        String configured = System.getProperty("xenplane.prometheus");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                throw new AssertionError("-Dxenplane.prometheus=" + configured + " is not an executable file");
            }
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "prometheus");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("prometheus is not installed (not on the PATH): this test needs a real Prometheus."
                + " Install Debian's package (apt-get install -y prometheus; .ci/run does) or pass"
                + " -Dxenplane.prometheus=/path/to/prometheus");
    }

    /** Starts Prometheus with {@code config} (YAML) and waits until it is ready. */
    static PrometheusProcess start(Path dir, String config) throws Exception {
        Path configFile = dir.resolve("prometheus.yml");
        Files.writeString(configFile, config);
        Path storage = Files.createDirectories(dir.resolve("tsdb"));
        Path log = dir.resolve("prometheus.log");
        int port = FreePorts.next();
        Process process = new ProcessBuilder(List.of(binary().toString(), "--config.file=" + configFile,
                "--storage.tsdb.path=" + storage, "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=1h", "--log.level=info"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        PrometheusProcess prometheus = new PrometheusProcess(process, log, port);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("prometheus exited with " + process.exitValue() + "; " + prometheus.log());
                }
                try {
                    return given().baseUri(prometheus.url()).get("/-/ready").statusCode() == 200;
                } catch (Exception notYet) {
                    return false;
                }
            });
        } catch (RuntimeException | Error e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code GET /api/v1/query}: the whole answer (status, data.resultType, data.result, error). */
    JsonPath query(String promql) {
        return given().baseUri(url()).queryParam("query", promql).get("/api/v1/query").then().extract().jsonPath();
    }

    /** {@code GET /api/v1/label/<name>/values}. */
    List<String> labelValues(String name) {
        return given().baseUri(url()).get("/api/v1/label/" + name + "/values").then().statusCode(200)
                .extract().jsonPath().getList("data", String.class);
    }

    JsonPath rules() {
        return given().baseUri(url()).get("/api/v1/rules").then().statusCode(200).extract().jsonPath();
    }

    JsonPath targets() {
        return given().baseUri(url()).get("/api/v1/targets").then().statusCode(200).extract().jsonPath();
    }

    String log() {
        try {
            return "prometheus log:\n" + Files.readString(log);
        } catch (IOException e) {
            return "prometheus log unreadable: " + e.getMessage();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
