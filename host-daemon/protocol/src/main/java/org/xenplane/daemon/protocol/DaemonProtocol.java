package org.xenplane.daemon.protocol;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    /** {@code POST}: the host halts (its domains end); it answers {@code HOST_OFFLINE} until powered on. */
    public static final String HOST_SHUTDOWN = "/shutdown";
    /** {@code POST}: the host halts and boots again; its heartbeats resume once it is back. */
    public static final String HOST_REBOOT = "/reboot";

    /**
     * Domain operations, relative to a host's daemon URL. Paths are JAX-RS templates: the daemon's
     * resources declare them as they are, the control plane fills them with {@link #expand}.
     * Every mutating call carries {@link #OPERATION_ID_HEADER}: a repeat of an operation id returns
     * the first call's outcome and never acts twice, so the control plane may retry after a lost
     * answer.
     */
    public static final String DOMAINS = "/domains";
    /** {@code PUT} creates ({@link DomainRequests.Create}), {@code DELETE} destroys (hard shutdown). */
    public static final String DOMAIN = "/domains/{vmId}";
    public static final String DOMAIN_PAUSE = "/domains/{vmId}/pause";
    public static final String DOMAIN_UNPAUSE = "/domains/{vmId}/unpause";
    public static final String DOMAIN_SHUTDOWN = "/domains/{vmId}/shutdown";
    public static final String DOMAIN_REBOOT = "/domains/{vmId}/reboot";
    public static final String DOMAIN_SUSPEND = "/domains/{vmId}/suspend";
    public static final String DOMAIN_RESTORE = "/domains/{vmId}/restore";
    public static final String DOMAIN_MEMORY = "/domains/{vmId}/memory-target";
    public static final String DOMAIN_VCPUS = "/domains/{vmId}/vcpus-online";
    public static final String DOMAIN_MIGRATE = "/domains/{vmId}/migrate";
    /** {@code POST} hot-plugs a disk ({@link DomainRequests.PlugDisk}). */
    public static final String DOMAIN_DISKS = "/domains/{vmId}/disks";
    /** {@code DELETE} hot-unplugs the disk with this vdev. */
    public static final String DOMAIN_DISK = "/domains/{vmId}/disks/{vdev}";
    /** {@code PUT} inserts a CD ({@link DomainRequests.ChangeMedium}); a medium without a path ejects. */
    public static final String DOMAIN_DISK_MEDIUM = "/domains/{vmId}/disks/{vdev}/medium";
    /** {@code POST} hot-plugs a NIC ({@link DomainRequests.PlugNic}). */
    public static final String DOMAIN_NICS = "/domains/{vmId}/nics";
    /** {@code DELETE} hot-unplugs the NIC with this MAC. */
    public static final String DOMAIN_NIC = "/domains/{vmId}/nics/{mac}";
    /** {@code POST}: prepare to receive a migrating domain. */
    public static final String INCOMING_MIGRATIONS = "/incoming-migrations";
    /** {@code DELETE}: forget a suspend image (the VM was destroyed or resumed elsewhere). */
    public static final String SUSPEND_IMAGE = "/suspend-images/{vmId}";

    /**
     * Daemon to daemon: the migration stream, outside {@link #DAEMON_ROOT} because the sender
     * authenticates with the single-use ticket of {@link DomainRequests.IncomingMigration}.
     */
    public static final String MIGRATION_STREAM_ROOT = "/migration/v1/hosts";
    /**
     * The operation id of a mutating call, on every API area (domains, storage, network): the
     * daemon acts once per id and answers every repeat with the first call's outcome.
     */
    public static final String OPERATION_ID_HEADER = "Xenplane-Operation-Id";

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

    private DaemonProtocol() {
    }

    /**
     * A path template of this protocol with its {@code {name}} parameters filled in order, each
     * value percent-encoded as one path segment.
     *
     * @throws IllegalArgumentException when the number of values does not match the template
     */
    public static String expand(String template, Object... values) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (m.find()) {
            if (i == values.length) {
                throw new IllegalArgumentException(template + " takes more than " + values.length + " values");
            }
            m.appendReplacement(path, Matcher.quoteReplacement(segment(values[i++])));
        }
        if (i != values.length) {
            throw new IllegalArgumentException(template + " takes " + i + " values, not " + values.length);
        }
        return m.appendTail(path).toString();
    }

    /** The value as one path segment: what RFC 3986 allows in a segment stays, the rest is percent-encoded. */
    private static String segment(Object value) {
        StringBuilder out = new StringBuilder();
        for (byte b : String.valueOf(value).getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~:@".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
