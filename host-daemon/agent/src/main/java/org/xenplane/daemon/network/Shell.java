package org.xenplane.daemon.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.xenplane.daemon.protocol.WireError;

/**
 * Runs the network tools (ip, ovs-vsctl) for one host, in that host's network namespace when it
 * has one ({@code ip netns exec <ns> ...}), with a time limit. Arguments are passed as a list,
 * never through a shell.
 */
public class Shell {
    private final String host;
    private final List<String> prefix;
    private final Duration timeout;

    public Shell(String host, String namespace, Duration timeout) {
        this.host = host;
        this.prefix = namespace == null || namespace.isEmpty() ? List.of() : List.of("ip", "netns", "exec", namespace);
        this.timeout = timeout;
    }

    /** The local key of the host this shell acts for (named in errors). */
    public String host() {
        return host;
    }

    /** What a command did. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /** Runs a command and returns its outcome, whatever the exit code. */
    public Result run(String... command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of(command));
        Process process;
        try {
            process = new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, host,
                    command[0] + " cannot be run: " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, host,
                        String.join(" ", command) + " did not finish within " + timeout);
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, host, "interrupted: " + String.join(" ", command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a command with its output discarded and returns its exit code: for a program that
     * leaves a process in the background, which must not hold this call's pipes open.
     */
    public int runDetached(String... command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, host,
                        String.join(" ", command) + " did not finish within " + timeout);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, host, command[0] + " cannot be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, host, "interrupted: " + String.join(" ", command));
        }
    }

    /** Runs a command that must succeed; otherwise a {@code NETWORK_BACKEND_FAILURE} naming it and its error output. */
    public String check(String... command) {
        Result result = run(command);
        if (!result.ok()) {
            throw failure(command, result);
        }
        return result.stdout();
    }

    public NetworkFailure failure(String[] command, Result result) {
        String stderr = result.stderr().strip();
        if (stderr.length() > 400) {
            stderr = stderr.substring(0, 400) + "...";
        }
        return new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, host,
                String.join(" ", command) + ": exit " + result.exitCode() + (stderr.isEmpty() ? "" : ": " + stderr));
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
