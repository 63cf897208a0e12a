package org.xenplane.daemon.host;

import java.util.List;
import java.util.Optional;
import org.xenplane.daemon.domain.DomainManager;
import org.xenplane.daemon.driver.HypervisorDriver;

/**
 * One host this daemon serves: its local key (its name, and the last segment of its daemon URL),
 * its position (host i joins with join token i), its driver and its domains.
 *
 * @param key     e.g. {@code sim-host-1}
 * @param number  1-based position among the hosts of this daemon
 * @param address the host's management address, as reported at join (simulated hosts: 127.0.0.1)
 * @param domains the host's domain operations, over its hypervisor driver
 */
public record LocalHost(String key, int number, String address, DomainManager domains) {

    public HypervisorDriver driver() {
        return domains.driver();
    }

    /** This host's join token: the {@code number}-th configured token, if there are that many. */
    public Optional<String> joinToken(List<String> tokens) {
        return tokens.size() < number ? Optional.empty()
                : Optional.of(tokens.get(number - 1).trim()).filter(t -> !t.isEmpty());
    }
}
