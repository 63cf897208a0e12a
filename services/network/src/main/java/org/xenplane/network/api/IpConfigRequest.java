package org.xenplane.network.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.daemon.protocol.network.IpMode;

/**
 * A PIF's new IPv4 configuration (XenAPI {@code PIF.reconfigure_ip}).
 *
 * @param mode    {@code none}, {@code dhcp} or {@code static}
 * @param address {@code static}: e.g. {@code 192.0.2.10}
 * @param netmask {@code static}: e.g. {@code 255.255.255.0}
 * @param gateway {@code static}, optional: an address in the same network
 * @param dns     name servers
 */
public record IpConfigRequest(
        @NotNull IpMode mode,
        @Size(max = 15) String address,
        @Size(max = 15) String netmask,
        @Size(max = 15) String gateway,
        @Size(max = 8) List<@Size(max = 15) String> dns) {

    public IpConfig toConfig() {
        return new IpConfig(mode, address, netmask, gateway, dns);
    }
}
