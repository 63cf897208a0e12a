package org.xenplane.daemon.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe between a thread writing a stream (the driver saving a domain) and another
 * reading it (the HTTP client sending it), with back-pressure. Unlike the JDK's piped streams it
 * does not care which pool threads read or write, and either side can abort the other.
 */
final class StreamPipe {
    private static final byte[] END = new byte[0];
    private static final long STALL_SECONDS = 300;

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(32);
    private volatile boolean aborted;

    final OutputStream sink = new OutputStream() {
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("pipe closed");
            }
            if (len > 0) {
                put(Arrays.copyOfRange(b, off, off + len));
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                put(END);
            }
        }
    };

    final InputStream source = new InputStream() {
        private byte[] current = new byte[0];
        private int position;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!ended && position == current.length) {
                current = take();
                position = 0;
                ended = current == END;
            }
            if (ended) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            abort();
        }
    };

    /** Stops both sides: a blocked writer or reader fails with an IOException. */
    void abort() {
        aborted = true;
        chunks.clear();
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!aborted) {
                if (chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            throw new IOException("the receiving side stopped reading");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private byte[] take() throws IOException {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STALL_SECONDS);
            while (!aborted && System.nanoTime() < deadline) {
                byte[] chunk = chunks.poll(100, TimeUnit.MILLISECONDS);
                if (chunk != null) {
                    return chunk;
                }
            }
            throw new IOException(aborted ? "the sending side stopped" : "the stream stalled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }
}
