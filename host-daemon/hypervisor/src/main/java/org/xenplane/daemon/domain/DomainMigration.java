package org.xenplane.daemon.domain;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.HypervisorException;
import org.xenplane.daemon.driver.XenError;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainRequests.IncomingMigration;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.ShutdownReason;

/** Live migration, both ends: the receiving host's single-use tickets and stream, the sending host's transfer. */
final class DomainMigration {
    private static final Logger LOG = Logger.getLogger(DomainMigration.class);

    private final HostDomains host;
    private final MigrationTickets incoming = new MigrationTickets(Duration.ofMinutes(10));

    DomainMigration(HostDomains host) {
        this.host = host;
    }

    /** Agrees to receive {@code spec}'s domain: the stream goes to {@code streamBase/<migration id>}. */
    IncomingMigration prepareIncoming(String operationId, DomainSpec spec, String streamBase) {
        return host.onceUnlocked(operationId, "incoming " + spec.vmId(), () -> {
            MigrationTickets.Incoming ticket = incoming.issue(spec);
            return new IncomingMigration(streamBase + "/" + ticket.id(), ticket.ticket());
        });
    }

    /** Builds the migrating domain from the stream, paused; empty when the ticket is wrong or spent. */
    Optional<DomainResult> receive(UUID migrationId, String ticket, InputStream stream) {
        Optional<MigrationTickets.Incoming> redeemed = incoming.redeem(migrationId, ticket);
        return redeemed.map(in -> host.locked(in.spec().vmId(), () -> {
            DomainInfo info = host.driver.receiveMigration(in.spec(), stream);
            host.remember(in.spec());
            return host.changed(info);
        }));
    }

    /**
     * Sends the domain live to another host. When the receiver has it, the domain here is
     * destroyed; when the receiver fails, it is resumed here and the error is rethrown.
     */
    DomainResult migrateOut(String operationId, UUID vmId, String streamUrl, String ticket, MigrationSender sender) {
        return host.once(operationId, "migrate " + vmId, vmId, () -> {
            DomainInfo before = host.current(vmId, DriverOperation.MIGRATE_SEND);
            try {
                sender.send(streamUrl, ticket, out -> host.driver.sendMigration(vmId, out));
            } catch (RuntimeException e) {
                resumeQuietly(vmId);
                if (e instanceof HypervisorException) {
                    throw e;
                }
                throw DriverOperation.MIGRATE_SEND.failure(XenError.FAIL, e.getMessage());
            }
            host.driver.destroy(vmId);
            host.gone(vmId, before.domid(), ShutdownReason.MIGRATED);
            return host.none();
        });
    }

    private void resumeQuietly(UUID vmId) {
        try {
            host.driver.resumeAfterFailedMigration(vmId);
        } catch (RuntimeException e) {
            LOG.errorf("%s: domain %s could not be resumed after a failed migration: %s", host.hostKey, vmId, e.getMessage());
        }
    }
}
