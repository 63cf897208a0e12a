package org.xenplane.storage.service;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.xenplane.core.task.TaskContext;

/** Counts the bytes passing through and reports them as task progress, at most every half second. */
final class ProgressStream extends FilterInputStream {
    private final TaskContext task;
    private final long total;
    private long seen;
    private long lastReport = System.nanoTime();

    ProgressStream(InputStream in, TaskContext task, long total) {
        super(in);
        this.task = task;
        this.total = total;
    }

    long seen() {
        return seen;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        seen += n;
        long now = System.nanoTime();
        if (total > 0 && now - lastReport > 500_000_000L) {
            lastReport = now;
            task.progress(Math.min(0.99, (double) seen / total));
        }
    }
}
