package org.xenplane.daemon.storage;

import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.xenplane.daemon.protocol.storage.LocalSrOffer;

/**
 * The local storage each host of this daemon offers: {@code <root>/<host key>}, a directory for a
 * {@code file} SR. The control plane asks for it once a host has joined and makes the SR itself,
 * so the offer is only a path: nothing is created here.
 */
public class LocalSrOffers {
    private static final Logger LOG = Logger.getLogger(LocalSrOffers.class);
    /** The default root with the libxl driver (a real dom0). */
    public static final Path LIBXL_ROOT = Path.of("/var/lib/xenplane/sr");

    private final Optional<Path> root;

    /**
     * @param enabled      whether hosts offer local storage at all
     * @param root         the directory under which each host's SR directory lives
     * @param roots        where file SRs may live: a root they refuse (a system directory) is no offer (logged once)
     */
    public LocalSrOffers(boolean enabled, Path root, FileSrRoots roots) {
        Path normal = root.toAbsolutePath().normalize();
        Optional<String> refusal = roots.refusal(normal);
        refusal.filter(why -> enabled).ifPresent(why -> LOG.warnf("No local storage is offered: its root %s is %s "
                + "(xenplane.daemon.storage.local-sr-root)", normal, why));
        this.root = enabled && refusal.isEmpty() ? Optional.of(normal) : Optional.empty();
    }

    public LocalSrOffer offer(String hostKey) {
        return new LocalSrOffer(root.map(r -> r.resolve(hostKey).toString()).orElse(null));
    }
}
