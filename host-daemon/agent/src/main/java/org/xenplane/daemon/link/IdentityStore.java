package org.xenplane.daemon.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.xenplane.daemon.protocol.JoinResponse;

/**
 * Keeps each local host's identity (the control plane's {@link JoinResponse}) in the state
 * directory, {@code <state-dir>/<local key>.json}: the directory 0700, each file 0600, written
 * atomically. A host with a saved identity does not join again when the daemon restarts.
 */
public final class IdentityStore {
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final ObjectMapper json;

    public IdentityStore(Path directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    /** The path of a host's identity file. */
    public Path file(String localKey) {
        return directory.resolve(localKey + ".json");
    }

    /**
     * The saved identity of a host, if any.
     *
     * @throws UncheckedIOException if the file exists but cannot be read or parsed
     */
    public Optional<JoinResponse> load(String localKey) {
        Path file = file(localKey);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JoinResponse identity;
        try {
            identity = json.readValue(file.toFile(), JoinResponse.class);
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the file's content, credentials included: never pass it on
            throw new UncheckedIOException("the identity file " + file + " is not valid JSON", new IOException("unparseable"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the identity file " + file + ": " + ControlPlaneClient.describe(e), e);
        }
        if (identity.hostId() == null || identity.hostCredential() == null || identity.controlPlaneCredential() == null) {
            throw new UncheckedIOException("the identity file " + file + " lacks the host id or a credential",
                    new IOException("incomplete"));
        }
        return Optional.of(identity);
    }

    /** Saves a host's identity, replacing any previous one; the file is never readable by others, not even briefly. */
    public void save(String localKey, JoinResponse identity) {
        try {
            createDirectory();
            Path temporary = Files.createTempFile(directory, localKey + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(FILE_MODE));
            try {
                Files.write(temporary, json.writeValueAsBytes(identity));
                Files.move(temporary, file(localKey), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the identity file " + file(localKey) + ": "
                    + ControlPlaneClient.describe(e), e);
        }
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory.getParent() == null ? directory : directory.getParent());
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
        } catch (FileAlreadyExistsException raced) {
            // created meanwhile by someone else: fine if it is a directory
            if (!Files.isDirectory(directory)) {
                throw raced;
            }
        }
    }
}
