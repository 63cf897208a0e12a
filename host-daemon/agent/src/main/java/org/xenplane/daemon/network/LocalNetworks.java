package org.xenplane.daemon.network;

import java.util.Map;
import java.util.Optional;
import org.xenplane.daemon.operation.OperationMemo;

/** The network driver of each local host, by local key, and the memo of their operations. */
public final class LocalNetworks {
    private final String driver;
    private final Map<String, NetworkDriver> byHost;
    private final OperationMemo memo = new OperationMemo(10_000);

    public LocalNetworks(String driver, Map<String, NetworkDriver> byHost) {
        this.driver = driver;
        this.byHost = Map.copyOf(byHost);
    }

    public String driver() {
        return driver;
    }

    public Optional<NetworkDriver> of(String host) {
        return Optional.ofNullable(byHost.get(host));
    }

    public OperationMemo memo() {
        return memo;
    }
}
