package org.xenplane.daemon.storage;

import java.util.Map;
import org.xenplane.daemon.protocol.storage.SrStats;

/**
 * An SR type's backend on a host: how to create, attach, detach and destroy its storage. The
 * volumes inside are qcow2 images in the {@link VolumeSpace} it hands out, so snapshots,
 * clones, coalescing, copies, imports and exports work the same on every type
 * ({@link QcowVolumes}).
 */
public interface StorageDriver {

    /** The SR type, as in {@code sr.type}: {@code file}, {@code lvm}, {@code nfs}. */
    String type();

    /** Refuses a device config this driver cannot use ({@code SR_DEVICE_CONFIG_INVALID}). */
    void validate(Map<String, String> deviceConfig);

    /** Formats new storage for the SR; refuses storage that holds another SR. Idempotent. */
    void create(SrHandle sr);

    /** Makes the SR's storage usable on this host (PBD plug): mount, activate, check. Idempotent. */
    void attach(SrHandle sr);

    /** Releases it on this host (PBD unplug). Idempotent. */
    void detach(SrHandle sr);

    /** Wipes the SR's storage: its volumes and its own marks, nothing else. */
    void destroy(SrHandle sr);

    SrStats stats(SrHandle sr);

    /** Where the volumes of an attached SR live. */
    VolumeSpace space(SrHandle sr);
}
