package org.xenplane.daemon.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.HypervisorException;
import org.xenplane.daemon.driver.XenError;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.daemon.protocol.ShutdownReason;

/**
 * The guest's side of a domain's life: asking it to shut down or reboot and waiting for it, and
 * what xl does when it shuts down by itself (on_poweroff=destroy, on_reboot=restart,
 * on_crash=destroy).
 */
final class GuestRequests {
    private static final Logger LOG = Logger.getLogger(GuestRequests.class);

    private final HostDomains host;

    GuestRequests(HostDomains host) {
        this.host = host;
    }

    /** Asks the guest to power off and waits; {@code ERROR_GUEST_TIMEDOUT} leaves the domain running. */
    DomainResult cleanShutdown(String operationId, UUID vmId, Duration timeout) {
        return host.onceUnlocked(operationId, "shutdown " + vmId, () -> {
            host.current(vmId, DriverOperation.SHUTDOWN);
            CompletableFuture<DomainInfo> done = host.waiters.register(vmId, Waiters.Awaiting.GONE);
            askGuest(vmId, done, () -> host.driver.requestShutdown(vmId));
            if (!Waiters.await(done, timeout)) {
                host.waiters.cancel(vmId, done);
                throw DriverOperation.SHUTDOWN.failure(XenError.GUEST_TIMEDOUT,
                        "the guest did not shut down within " + timeout.toMillis() + " ms");
            }
            return host.none();
        });
    }

    /** Asks the guest to reboot and waits for its new domain; {@code ERROR_GUEST_TIMEDOUT} if it does not. */
    DomainResult cleanReboot(String operationId, UUID vmId, Duration timeout) {
        return host.onceUnlocked(operationId, "reboot " + vmId, () -> {
            host.current(vmId, DriverOperation.REBOOT);
            CompletableFuture<DomainInfo> done = host.waiters.register(vmId, Waiters.Awaiting.REBOOTED);
            askGuest(vmId, done, () -> host.driver.requestReboot(vmId));
            if (!Waiters.await(done, timeout)) {
                host.waiters.cancel(vmId, done);
                throw DriverOperation.REBOOT.failure(XenError.GUEST_TIMEDOUT,
                        "the guest did not reboot within " + timeout.toMillis() + " ms");
            }
            DomainInfo rebooted = done.join();
            if (rebooted == null) {
                throw DriverOperation.REBOOT.failure(XenError.DOMAIN_DESTROYED, "the domain ended instead of rebooting");
            }
            return new DomainResult(host.generation(), host.withStartTime(rebooted));
        });
    }

    /** The driver's event: the guest's domain {@code domid} shut down for {@code reason}. */
    void domainShutdown(UUID vmId, int domid, ShutdownReason reason) {
        if (reason == ShutdownReason.SUSPEND) {
            return; // the suspend or migrate operation in progress owns the domain
        }
        try {
            host.locked(vmId, () -> {
                Optional<DomainInfo> now = host.driver.find(vmId);
                if (now.isEmpty() || now.get().domid() != domid || now.get().state() != DomainState.SHUTDOWN) {
                    return null;
                }
                if (reason == ShutdownReason.REBOOT && host.specs.spec(vmId).isPresent()) {
                    restart(vmId, domid);
                } else {
                    host.driver.destroy(vmId);
                    host.gone(vmId, domid, reason);
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: handling the %s of domain %d (%s) failed", host.hostKey, reason.wireName(), domid, vmId);
        }
    }

    private void restart(UUID vmId, int domid) {
        host.driver.destroy(vmId);
        try {
            DomainSpec spec = host.specs.spec(vmId).orElseThrow();
            DomainInfo info = host.driver.create(spec, false);
            host.specs.put(spec, Instant.now());
            host.changed(info);
            if (!host.waiters.rebooted(vmId, info)) {
                LOG.infof("%s: domain %d (%s) rebooted by itself as domain %d", host.hostKey, domid, vmId, info.domid());
                host.fireChange();
            }
        } catch (HypervisorException e) {
            LOG.errorf("%s: domain %d (%s) could not be restarted after its reboot: %s", host.hostKey, domid, vmId,
                    e.getMessage());
            host.gone(vmId, domid, ShutdownReason.CRASH);
        }
    }

    private void askGuest(UUID vmId, CompletableFuture<DomainInfo> done, Runnable request) {
        try {
            request.run();
        } catch (RuntimeException e) {
            host.waiters.cancel(vmId, done);
            throw e;
        }
    }
}
