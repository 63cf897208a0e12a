package org.xenplane.core.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Optional;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.rest.ServiceCalls;
import org.xenplane.core.security.Role;
import org.xenplane.core.security.ServiceCredentials;
import org.xenplane.core.config.CoreConfig;

/**
 * The {@link VmNetworking} of a process without the network service: over REST to
 * {@code xenplane.network.url} when it is set (the VM service's own deployment), otherwise
 * {@link NetworkingNotInProcess}. Where the network library is in the process (the all-in-one
 * server, the network service's own app), its own bean replaces this default.
 */
@ApplicationScoped
public class VmNetworkingChoice {
    /** The role the VM service's credential acts with: the one it calls the storage service with. */
    static final Role SERVICE_ROLE = Role.VM_POWER_ADMIN;

    @Produces
    @DefaultBean
    @ApplicationScoped
    VmNetworking vmNetworking(CoreConfig.NetworkService config,
                              ServiceCredentials credentials, ObjectMapper json, TransactionSynchronizationRegistry transactions) {
        Optional<String> url = config.url();
        Duration timeout = config.timeout();
        if (url.isEmpty() || url.get().isBlank()) {
            return new NetworkingNotInProcess();
        }
        return new NetworkingOverRest(new ServiceCalls(url.get(), "network", () -> credentials.tokenFor("vm", SERVICE_ROLE), json,
                timeout, ErrorCode.NETWORK_SERVICE_UNAVAILABLE), transactions);
    }
}
