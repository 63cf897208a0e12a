package org.xenplane.daemon.protocol;

/**
 * The paths and headers of the protocol between the control plane and a host daemon.
 *
 * <p>Daemon to control plane: {@link #JOIN} (authenticated by a single-use join token in the
 * body) and {@link #HEARTBEAT} (bearer: the host credential issued at join). Control plane to
 * daemon: everything under {@link #DAEMON_ROOT} (bearer: the control-plane credential issued at
 * join). Each side refuses calls it cannot authenticate.
 */
public final class DaemonProtocol {
    public static final int VERSION = 1;
    public static final String VERSION_HEADER = "Xenplane-Daemon-Protocol";

    public static final String JOIN = "/api/v1/pool/join";
    public static final String HEARTBEAT = "/api/v1/hosts/%s/heartbeat";
    /** A host's actual domains ({@link DomainReport}), bearer: the host credential. */
    public static final String DOMAIN_REPORTS = "/api/v1/domain-reports";
    /** A host's 5-second metrics sample ({@link MetricsReport}), bearer: the host credential. */
    public static final String METRICS_REPORTS = "/api/v1/metrics/reports";

    /** A daemon serves each host it runs (one, or N when simulating) under its own base URL. */
    public static final String DAEMON_ROOT = "/daemon/v1/hosts";
    public static final String HOST_INFO = "/info";

    /**
     * Domain operations, relative to a host's daemon URL. Every mutating call carries
     * {@link #OPERATION_ID_HEADER}: a repeat of an operation id returns the first call's outcome
     * and never acts twice, so the control plane may retry after a lost answer.
     */
    public static final String DOMAINS = "/domains";
    /** {@code PUT} creates ({@link DomainRequests.Create}), {@code DELETE} destroys (hard shutdown). */
    public static final String DOMAIN = "/domains/%s";
    public static final String DOMAIN_PAUSE = "/domains/%s/pause";
    public static final String DOMAIN_UNPAUSE = "/domains/%s/unpause";
    public static final String DOMAIN_SHUTDOWN = "/domains/%s/shutdown";
    public static final String DOMAIN_REBOOT = "/domains/%s/reboot";
    public static final String DOMAIN_SUSPEND = "/domains/%s/suspend";
    public static final String DOMAIN_RESTORE = "/domains/%s/restore";
    public static final String DOMAIN_MEMORY = "/domains/%s/memory-target";
    public static final String DOMAIN_VCPUS = "/domains/%s/vcpus-online";
    public static final String DOMAIN_MIGRATE = "/domains/%s/migrate";
    /** {@code POST} hot-plugs a disk ({@link DomainRequests.PlugDisk}). */
    public static final String DOMAIN_DISKS = "/domains/%s/disks";
    /** {@code DELETE} hot-unplugs the disk with this vdev. */
    public static final String DOMAIN_DISK = "/domains/%s/disks/%s";
    /** {@code PUT} inserts a CD ({@link DomainRequests.ChangeMedium}); a medium without a path ejects. */
    public static final String DOMAIN_DISK_MEDIUM = "/domains/%s/disks/%s/medium";
    /** {@code POST} hot-plugs a NIC ({@link DomainRequests.PlugNic}). */
    public static final String DOMAIN_NICS = "/domains/%s/nics";
    /** {@code DELETE} hot-unplugs the NIC with this MAC. */
    public static final String DOMAIN_NIC = "/domains/%s/nics/%s";
    /** {@code POST}: prepare to receive a migrating domain. */
    public static final String INCOMING_MIGRATIONS = "/incoming-migrations";
    /** {@code DELETE}: forget a suspend image (the VM was destroyed or resumed elsewhere). */
    public static final String SUSPEND_IMAGE = "/suspend-images/%s";

    /**
     * Daemon to daemon: the migration stream, outside {@link #DAEMON_ROOT} because the sender
     * authenticates with the single-use ticket of {@link DomainRequests.IncomingMigration}.
     */
    public static final String MIGRATION_STREAM_ROOT = "/migration/v1/hosts";
    public static final String OPERATION_ID_HEADER = "Xenplane-Operation-Id";

    private DaemonProtocol() {
    }
}
