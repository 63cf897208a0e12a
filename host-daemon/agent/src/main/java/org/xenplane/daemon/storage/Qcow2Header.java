package org.xenplane.daemon.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The two facts of a qcow2 header the daemon reads for its own volumes on every operation
 * (virtual size and backing file), read directly instead of starting {@code qemu-img info}.
 * Uploaded images are still checked with qemu-img itself.
 *
 * @param backingFile the backing file name as written in the image, or null
 */
record Qcow2Header(long virtualSize, String backingFile) {
    private static final int MAGIC = 0x514649fb; // "QFI\xfb"
    private static final int MAX_BACKING_NAME = 1023;

    static Qcow2Header read(Path image) {
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(32);
            readFully(channel, header, 0);
            if (header.getInt(0) != MAGIC) {
                throw new StorageFailure(image.getFileName() + " is not a qcow2 image");
            }
            long backingOffset = header.getLong(8);
            int backingLength = header.getInt(16);
            long size = header.getLong(24);
            String backing = null;
            if (backingOffset != 0 && backingLength > 0) {
                if (backingLength > MAX_BACKING_NAME) {
                    throw new StorageFailure(image.getFileName() + " names an over-long backing file");
                }
                ByteBuffer name = ByteBuffer.allocate(backingLength);
                readFully(channel, name, backingOffset);
                backing = new String(name.array(), StandardCharsets.UTF_8);
            }
            return new Qcow2Header(size, backing);
        } catch (IOException e) {
            throw new StorageFailure("cannot read the header of " + image.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new IOException("truncated header");
            }
        }
    }
}
