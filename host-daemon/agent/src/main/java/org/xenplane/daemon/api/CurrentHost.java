package org.xenplane.daemon.api;

import jakarta.enterprise.context.RequestScoped;
import org.xenplane.daemon.host.LocalHost;
import org.xenplane.daemon.protocol.JoinResponse;

/** The local host a daemon API call addresses, set once its caller has been authenticated. */
@RequestScoped
public class CurrentHost {
    private LocalHost host;
    private JoinResponse identity;

    void set(LocalHost host, JoinResponse identity) {
        this.host = host;
        this.identity = identity;
    }

    public LocalHost host() {
        return require(host);
    }

    public JoinResponse identity() {
        return require(identity);
    }

    private static <T> T require(T value) {
        if (value == null) {
            throw new IllegalStateException("no authenticated host: is the endpoint outside "
                    + DaemonAuthenticator.API_PREFIX + "?");
        }
        return value;
    }
}
