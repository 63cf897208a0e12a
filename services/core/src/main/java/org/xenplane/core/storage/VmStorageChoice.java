package org.xenplane.core.storage;

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
 * The {@link VmStorage} of a process without the storage service: over REST to
 * {@code xenplane.storage.url} when it is set (the VM service's own deployment), otherwise
 * {@link StorageNotInProcess}. Where the storage library is in the process (the all-in-one
 * server), its own bean replaces this default.
 */
@ApplicationScoped
public class VmStorageChoice {
    /** The role the VM service's credential acts with: enough for every storage half, including a migration's. */
    static final Role SERVICE_ROLE = Role.VM_POWER_ADMIN;

    @Produces
    @DefaultBean
    @ApplicationScoped
    VmStorage vmStorage(CoreConfig.StorageService config,
                        ServiceCredentials credentials, ObjectMapper json, TransactionSynchronizationRegistry transactions) {
        Optional<String> url = config.url();
        Duration timeout = config.timeout();
        if (url.isEmpty() || url.get().isBlank()) {
            return new StorageNotInProcess();
        }
        return new StorageOverRest(new ServiceCalls(url.get(), "storage", () -> credentials.tokenFor("vm", SERVICE_ROLE), json,
                timeout, ErrorCode.STORAGE_SERVICE_UNAVAILABLE), transactions);
    }
}
