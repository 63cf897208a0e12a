package org.xenplane.daemon.driver;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.UUID;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainSpec;

/** Saving a domain's state and building a domain from saved state: suspend, resume, migration. */
public interface DomainImages {

    /** Saves the domain's memory and device state to {@code image}, then destroys the domain. */
    void suspend(UUID vmId, Path image);

    /** Builds the domain from an image written by {@link #suspend}, running or paused. */
    DomainInfo restore(DomainSpec spec, Path image, boolean paused);

    /**
     * Sends the domain live into {@code stream}. On success the domain is left suspended here
     * (its state now belongs to the receiver): destroy it once the receiver has it, or
     * {@link #resumeAfterFailedMigration} if the receiver failed.
     */
    void sendMigration(UUID vmId, OutputStream stream);

    /** Resumes a domain that {@link #sendMigration} suspended, after the receiving side failed. */
    void resumeAfterFailedMigration(UUID vmId);

    /** Builds the domain from a migration stream; it is left paused until the sender lets go of it. */
    DomainInfo receiveMigration(DomainSpec spec, InputStream stream);
}
