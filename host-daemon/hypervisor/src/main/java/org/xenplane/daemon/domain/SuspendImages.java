package org.xenplane.daemon.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.XenError;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.ShutdownReason;

/** Suspending a domain to an image on this host, restoring it from there, and the images themselves. */
final class SuspendImages {
    private static final Logger LOG = Logger.getLogger(SuspendImages.class);

    private final HostDomains host;
    private final Path imageDir;

    SuspendImages(HostDomains host, Path imageDir) {
        this.host = host;
        this.imageDir = imageDir;
    }

    DomainResult suspend(String operationId, UUID vmId) {
        return host.once(operationId, "suspend " + vmId, vmId, () -> {
            DomainInfo before = host.current(vmId, DriverOperation.SUSPEND);
            createImageDir(DriverOperation.SUSPEND);
            host.driver.suspend(vmId, image(vmId));
            host.gone(vmId, before.domid(), ShutdownReason.SUSPENDED);
            return host.none();
        });
    }

    DomainResult restore(String operationId, DomainSpec spec, boolean paused) {
        return host.once(operationId, "restore " + spec.vmId(), spec.vmId(), () -> {
            Path image = image(spec.vmId());
            if (!Files.exists(image)) {
                throw DriverOperation.RESTORE.failure(XenError.NOTFOUND, "this host holds no suspend image for " + spec.vmId());
            }
            DomainInfo info = host.driver.restore(spec, image, paused);
            host.remember(spec);
            forget(spec.vmId());
            return host.changed(info);
        });
    }

    /** Forgets a suspend image (its VM was destroyed, or resumed elsewhere). */
    void forget(UUID vmId) {
        try {
            Files.deleteIfExists(image(vmId));
        } catch (IOException e) {
            LOG.warnf("%s: cannot delete the suspend image of %s: %s", host.hostKey, vmId, e.getMessage());
        }
    }

    boolean holds(UUID vmId) {
        return Files.exists(image(vmId));
    }

    private Path image(UUID vmId) {
        return imageDir.resolve(vmId + ".img");
    }

    private void createImageDir(DriverOperation operation) {
        try {
            Files.createDirectories(imageDir);
        } catch (IOException e) {
            throw operation.failure(XenError.FAIL, "cannot create " + imageDir + ": " + e.getMessage());
        }
    }
}
