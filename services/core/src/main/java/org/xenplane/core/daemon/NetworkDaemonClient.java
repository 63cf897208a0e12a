package org.xenplane.core.daemon;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.daemon.protocol.network.BridgeSpec;
import org.xenplane.daemon.protocol.network.InterfaceReport;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.daemon.protocol.network.NetworkProtocol;
import org.xenplane.daemon.protocol.network.PortSpec;

/**
 * The typed client of the daemons' network API ({@link NetworkProtocol}), over the one
 * {@link DaemonTransport}. Network changes are made only on live hosts: on any other the call is
 * {@code HOST_OFFLINE} without trying. The daemon's refusals (a busy device, a bridge still in
 * use, a backend failure) pass on as the same codes.
 */
@ApplicationScoped
public class NetworkDaemonClient {
    private final DaemonTransport transport;

    public NetworkDaemonClient(DaemonTransport transport) {
        this.transport = transport;
    }

    /** The host's real interfaces now. */
    public InterfaceReport interfaces(HostRef host) {
        return live(host).send(host, DaemonRequest.get(NetworkProtocol.INTERFACES), InterfaceReport.class);
    }

    /** Makes a network's bridge exist on the host with its MTU and uplink. */
    public void ensureBridge(HostRef host, BridgeSpec spec, String operationId) {
        change(host, DaemonRequest.change("PUT", operationId, spec, NetworkProtocol.BRIDGE, spec.name()));
    }

    /** Removes a bridge and its uplink's VLAN interface or bond (refused while VIFs use it). */
    public void removeBridge(HostRef host, String bridge, String operationId) {
        change(host, DaemonRequest.change("DELETE", operationId, null, NetworkProtocol.BRIDGE, bridge));
    }

    /** Attaches a VIF's backend device to a bridge. */
    public void attachPort(HostRef host, String port, PortSpec spec, String operationId) {
        change(host, DaemonRequest.change("PUT", operationId, spec, NetworkProtocol.PORT, port));
    }

    /** Detaches a VIF's backend device. */
    public void detachPort(HostRef host, String port, String operationId) {
        change(host, DaemonRequest.change("DELETE", operationId, null, NetworkProtocol.PORT, port));
    }

    /** Sets the IPv4 configuration of a device (a PIF's bridge). */
    public void configureIp(HostRef host, String device, IpConfig config, String operationId) {
        change(host, DaemonRequest.change("PUT", operationId, config, NetworkProtocol.DEVICE_IP, device));
    }

    private void change(HostRef host, DaemonRequest request) {
        live(host).send(host, request, Void.class);
    }

    private DaemonTransport live(HostRef host) {
        if (!host.live()) {
            throw new XenplaneException(ErrorCode.HOST_OFFLINE, host.id());
        }
        return transport;
    }
}
