package org.xenplane.core.storage;

import java.util.Optional;
import java.util.UUID;

/**
 * What the pool service asks of storage: the pool's default SR (XenAPI {@code pool.default_SR}), which
 * the storage service keeps because it owns SRs. In the all-in-one server the storage library answers
 * in process; elsewhere {@link PoolStorageChoice}'s default does.
 */
public interface PoolStorage {

    /** The default SR: used when a disk names no SR; empty when unset. */
    Optional<UUID> defaultSr();

    /**
     * Makes {@code srId} the default SR: {@code 404 HANDLE_INVALID} for an unknown SR,
     * {@code 409 SR_HAS_NO_PBDS} for one plugged on no host.
     */
    void setDefaultSr(UUID srId);
}
