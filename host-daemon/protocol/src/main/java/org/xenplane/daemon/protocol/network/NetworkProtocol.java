package org.xenplane.daemon.protocol.network;

import org.xenplane.daemon.protocol.DaemonProtocol;

/**
 * The network part of the daemon protocol: paths relative to a host's daemon URL
 * ({@code .../daemon/v1/hosts/<local key>}), each authenticated with that host's control-plane
 * credential.
 *
 * <p>Every mutating call states desired state and is idempotent: putting a bridge that already
 * exists as described changes nothing, deleting one that is gone succeeds. Each also carries
 * {@link DaemonProtocol#OPERATION_ID_HEADER}; a concurrent or later repeat of the same operation id
 * waits for and returns the first call's outcome instead of acting again. Paths are templates for
 * {@link DaemonProtocol#expand}.
 */
public final class NetworkProtocol {
    /** {@code GET}: the host's real interfaces ({@link InterfaceReport}). */
    public static final String INTERFACES = "/network/interfaces";
    /** {@code PUT} a {@link BridgeSpec} (create or converge), {@code DELETE} (remove it and its uplink). */
    public static final String BRIDGE = "/network/bridges/{bridge}";
    /** {@code PUT} a {@link PortSpec} (attach a VIF's backend device to a bridge), {@code DELETE} (detach). */
    public static final String PORT = "/network/ports/{port}";
    /** {@code PUT} an {@link IpConfig} on a device (a PIF's bridge). */
    public static final String DEVICE_IP = "/network/devices/{device}/ip";

    /** Interface names, as Linux allows them: 1..15 characters, no '/', ':' or white space. */
    public static final String INTERFACE_NAME = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}";

    private NetworkProtocol() {
    }
}
