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

    /** A daemon serves each host it runs (one, or N when simulating) under its own base URL. */
    public static final String DAEMON_ROOT = "/daemon/v1/hosts";
    public static final String HOST_INFO = "/info";

    private DaemonProtocol() {
    }
}
