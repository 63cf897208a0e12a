package org.xenplane.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The password of the embedded PostgreSQL's role {@code postgres}: 256 random bits, generated
 * once and kept in the data directory ({@value #FILE_NAME}, mode 0600), reused on every start.
 * A missing file means a new secret, which the next start sets as the role's password, so
 * removing the file resets the password. It is never logged; {@link #toString()} hides it.
 */
final class EmbeddedDatabaseSecret {
    static final String FILE_NAME = "xenplane-db-password";
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private final String password;
    private final boolean isNew;

    private EmbeddedDatabaseSecret(String password, boolean isNew) {
        this.password = password;
        this.isNew = isNew;
    }

    /** The stored secret of this data directory, or a new one (written by {@link #store(Path)}). */
    static EmbeddedDatabaseSecret of(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (stored.isEmpty()) {
                throw new IOException(file + " is empty: remove it and start again, and a new password is "
                        + "generated and set");
            }
            return new EmbeddedDatabaseSecret(stored, false);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new EmbeddedDatabaseSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(random), true);
    }

    String password() {
        return password;
    }

    /** True when the data directory had no secret: the role's password must be set to this one. */
    boolean isNew() {
        return isNew;
    }

    /** Writes a new secret into the data directory (never readable by others, not even briefly); keeps the file 0600. */
    void store(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!isNew) {
            Files.setPosixFilePermissions(file, FILE_MODE);
            return;
        }
        Path temporary = Files.createTempFile(dataDirectory, FILE_NAME + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(FILE_MODE));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedDatabaseSecret[" + FILE_NAME + "]";
    }
}
