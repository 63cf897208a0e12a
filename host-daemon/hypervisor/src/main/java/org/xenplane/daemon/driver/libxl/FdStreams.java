package org.xenplane.daemon.driver.libxl;

import com.sun.jna.Native;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.XenError;

/**
 * libxl reads and writes domain state through file descriptors; Xenplane sends it over HTTP.
 * These connect the two through a pipe, copied by a helper thread.
 */
final class FdStreams {
    private static final int CHUNK = 1 << 16;
    private static final int EINTR = 4;
    private final LibC libc;
    private final ExecutorService copiers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "xenplane-libxl-stream");
        t.setDaemon(true);
        return t;
    });

    FdStreams(LibC libc) {
        this.libc = libc;
    }

    /** A pipe: [read end, write end]. */
    int[] pipe(DriverOperation operation) {
        int[] fds = new int[2];
        if (libc.pipe(fds) != 0) {
            throw operation.failure(XenError.FAIL, "pipe() failed");
        }
        return fds;
    }

    /**
     * Copies what arrives on {@code fd} to {@code out} until end of file, in the background, and
     * closes {@code fd} at the end: when {@code out} fails, the writer (libxl) gets EPIPE at once
     * instead of blocking forever on a full pipe that nobody reads.
     */
    CompletableFuture<Void> drain(int fd, OutputStream out) {
        return CompletableFuture.runAsync(() -> {
            byte[] buffer = new byte[CHUNK];
            try {
                long n;
                while ((n = readRetrying(fd, buffer)) > 0) {
                    out.write(buffer, 0, (int) n);
                }
                if (n < 0) {
                    throw new IOException("read() failed with errno " + Native.getLastError());
                }
            } catch (IOException e) {
                throw new CompletionException(e);
            } finally {
                libc.close(fd);
            }
        }, copiers);
    }

    /** Copies {@code in} into {@code fd} in the background and closes {@code fd} at the end. */
    CompletableFuture<Void> feed(InputStream in, int fd) {
        return CompletableFuture.runAsync(() -> {
            byte[] buffer = new byte[CHUNK];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    writeFully(fd, buffer, n);
                }
            } catch (IOException e) {
                throw new CompletionException(e);
            } finally {
                libc.close(fd);
            }
        }, copiers);
    }

    /** read(), again when a signal interrupted it (libxl's SIGCHLD handler, while its save helper runs). */
    private long readRetrying(int fd, byte[] buffer) {
        long n;
        do {
            n = libc.read(fd, buffer, buffer.length);
        } while (n < 0 && Native.getLastError() == EINTR);
        return n;
    }

    void close(int fd) {
        libc.close(fd);
    }

    private void writeFully(int fd, byte[] buffer, int length) throws IOException {
        byte[] rest = buffer;
        int left = length;
        while (left > 0) {
            long written = libc.write(fd, rest, left);
            if (written < 0 && Native.getLastError() == EINTR) {
                continue;
            }
            if (written <= 0) {
                throw new IOException("write() failed with errno " + Native.getLastError());
            }
            left -= (int) written;
            rest = java.util.Arrays.copyOfRange(rest, (int) written, (int) written + left);
        }
    }
}
