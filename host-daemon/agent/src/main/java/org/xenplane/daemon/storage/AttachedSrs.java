package org.xenplane.daemon.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.daemon.protocol.storage.SrSpec;

/**
 * The SRs attached on each local host (plugged PBDs), kept in the state directory as
 * {@code storage/<local key>/<sr uuid>.json} so that a restarted daemon still serves them.
 */
public class AttachedSrs {
    private final Path root;
    private final ObjectMapper json;

    public AttachedSrs(Path stateDir, ObjectMapper json) {
        this.root = stateDir.resolve("storage");
        this.json = json;
    }

    private Path file(String localKey, UUID srId) {
        return root.resolve(localKey).resolve(srId + ".json");
    }

    public synchronized void record(String localKey, UUID srId, SrSpec spec) {
        Path file = file(localKey, srId);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            json.writeValue(tmp.toFile(), spec);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StorageFailure("cannot record SR " + srId + " as attached: " + e.getMessage(), e);
        }
    }

    public synchronized void forget(String localKey, UUID srId) {
        try {
            Files.deleteIfExists(file(localKey, srId));
        } catch (IOException e) {
            throw new StorageFailure("cannot forget SR " + srId + ": " + e.getMessage(), e);
        }
    }

    public synchronized Optional<SrSpec> find(String localKey, UUID srId) {
        Path file = file(localKey, srId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), SrSpec.class));
        } catch (IOException e) {
            throw new StorageFailure("unreadable record of SR " + srId + ": " + e.getMessage(), e);
        }
    }
}
