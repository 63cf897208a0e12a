package org.xenplane.packaging;

import org.xenplane.testing.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A packaged Quarkus application (target/quarkus-app) run as a process on loopback, its log in a file. */
final class JavaApp implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    final int port;

    private JavaApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code <module>/target/quarkus-app/quarkus-run.jar} with only these XENPLANE_/QUARKUS_ variables. */
    static JavaApp start(String module, Map<String, String> environment, Path log) {
        Path jar = Repository.root().resolve(module + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the Maven build");
        }
        int port = FreePorts.next();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("XENPLANE_") || k.startsWith("QUARKUS_"));
        builder.environment().put("XENPLANE_PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        try {
            return new JavaApp(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP status of GET path, or -1 when nothing answers. */
    int status(String path) {
        return get(path).map(HttpResponse::statusCode).orElse(-1);
    }

    String body(String path) {
        return get(path).filter(r -> r.statusCode() == 200).map(HttpResponse::body)
                .orElseThrow(() -> new AssertionError("GET " + path + " failed; " + log()));
    }

    private java.util.Optional<HttpResponse<String>> get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build();
            return java.util.Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; " + log());
        }
        return process.exitValue();
    }

    String log() {
        try {
            return "log " + log + ":\n" + Files.readString(log);
        } catch (IOException e) {
            return "log " + log + " unreadable: " + e.getMessage();
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
    }
}
