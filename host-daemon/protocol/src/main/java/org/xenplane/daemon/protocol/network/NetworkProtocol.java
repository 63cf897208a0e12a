package org.xenplane.daemon.protocol.network;

/**
 * The network part of the daemon protocol: paths relative to a host's daemon URL
 * ({@code .../daemon/v1/hosts/<local key>}), each authenticated with that host's control-plane
 * credential.
 *
 * <p>Every mutating call states desired state and is idempotent: putting a bridge that already
 * exists as described changes nothing, deleting one that is gone succeeds. Each also carries
 * {@link #OPERATION_ID_HEADER}; a concurrent or later repeat of the same operation id waits for
 * and returns the first call's outcome instead of acting again.
 */
public final class NetworkProtocol {
    /** The same header as the domain operations use. */
    public static final String OPERATION_ID_HEADER = "Xenplane-Operation-Id";

    /** {@code GET}: the host's real interfaces ({@link InterfaceReport}). */
    public static final String INTERFACES = "/network/interfaces";
    /** {@code PUT} a {@link BridgeSpec} (create or converge), {@code DELETE} (remove it and its uplink). */
    public static final String BRIDGE = "/network/bridges/%s";
    /** {@code PUT} a {@link PortSpec} (attach a VIF's backend device to a bridge), {@code DELETE} (detach). */
    public static final String PORT = "/network/ports/%s";
    /** {@code PUT} an {@link IpConfig} on a device (a PIF's bridge). */
    public static final String DEVICE_IP = "/network/devices/%s/ip";

    /** Interface names, as Linux allows them: 1..15 characters, no '/', ':' or white space. */
    public static final String INTERFACE_NAME = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}";

    private NetworkProtocol() {
    }
}
