package org.xenplane.daemon.protocol.network;

import java.util.List;

/**
 * A host's real interfaces, as its network driver finds them now.
 *
 * @param driver     the network driver: {@code simulated}, {@code linuxbridge} or {@code openvswitch}
 * @param interfaces every interface but {@code lo}, sorted by name
 */
public record InterfaceReport(String driver, List<HostInterface> interfaces) {
    public InterfaceReport {
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
    }
}
