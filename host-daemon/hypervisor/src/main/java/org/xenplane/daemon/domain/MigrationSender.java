package org.xenplane.daemon.domain;

import java.io.OutputStream;
import java.util.function.Consumer;
import org.xenplane.daemon.protocol.DomainResult;

/** Sends a migration stream to the receiving daemon and returns its answer (the domain it built, paused). */
@FunctionalInterface
public interface MigrationSender {

    /**
     * @param streamUrl the receiver's stream URL
     * @param ticket    the receiver's single-use ticket
     * @param writer    writes the stream; the sender closes it when the writer returns
     * @throws MigrationFailedException when the receiver cannot be reached or refuses
     */
    DomainResult send(String streamUrl, String ticket, Consumer<OutputStream> writer);

    /** The receiving side failed; the sending domain is resumed. */
    final class MigrationFailedException extends RuntimeException {
        public MigrationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
