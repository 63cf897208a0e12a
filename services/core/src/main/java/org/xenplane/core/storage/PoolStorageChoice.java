package org.xenplane.core.storage;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * The {@link PoolStorage} of a process without the storage library (the pool service on its own): no
 * default SR is known, and setting one is refused as the storage service unreachable. Where the storage
 * library is in the process, its own bean replaces this default.
 */
@ApplicationScoped
public class PoolStorageChoice {

    @Produces
    @DefaultBean
    @ApplicationScoped
    PoolStorage poolStorage() {
        return new PoolStorage() {
            @Override
            public Optional<UUID> defaultSr() {
                return Optional.empty();
            }

            @Override
            public void setDefaultSr(UUID srId) {
                throw new XenplaneException(ErrorCode.STORAGE_SERVICE_UNAVAILABLE, "-",
                        "the storage service is not in this process");
            }
        };
    }
}
