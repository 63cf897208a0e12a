package org.xenplane.daemon.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the storage tools (qemu-img, lvm2, mount) as child processes: arguments as a list, never
 * through a shell; a time limit; standard error kept for the failure message.
 */
public class Commands {
    private static final Logger LOG = Logger.getLogger(Commands.class);
    private static final int MAX_DETAIL = 600;

    private final Duration timeout;

    public Commands(Duration timeout) {
        this.timeout = timeout;
    }

    /** The result of a command that exited 0. */
    public record Output(String stdout, String stderr) {
    }

    /** Runs the command; a non-zero exit, a time-out or a missing tool is a {@link StorageFailure}. */
    public Output run(List<String> command) {
        return run(command, timeout);
    }

    public Output run(List<String> command, Duration limit) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("LC_ALL", "C");
        env.put("LVM_SUPPRESS_FD_WARNINGS", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StorageFailure(command.get(0) + " cannot be run: " + e.getMessage()
                    + " (is it installed? qemu-img is in Debian's qemu-utils, the lvm tools in lvm2)", e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new StorageFailure(describe(command) + " did not finish within " + limit);
            }
            String stdout = out.join();
            String stderr = err.join();
            if (process.exitValue() != 0) {
                LOG.debugf("%s exited %d: %s", describe(command), process.exitValue(), stderr);
                throw new StorageFailure(describe(command) + " failed (exit " + process.exitValue() + "): "
                        + abbreviate(stderr.isBlank() ? stdout : stderr));
            }
            return new Output(stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StorageFailure(describe(command) + " was interrupted");
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String describe(List<String> command) {
        return command.size() > 1 ? command.get(0) + " " + command.get(1) : command.get(0);
    }

    static String abbreviate(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= MAX_DETAIL ? t : t.substring(0, MAX_DETAIL) + "...";
    }
}
