package org.xenplane.daemon.protocol.storage;

import org.xenplane.daemon.protocol.DaemonProtocol;

/**
 * The storage part of the daemon protocol: paths under a host's daemon URL
 * ({@code /daemon/v1/hosts/{localKey}}), templates for {@link DaemonProtocol#expand}.
 *
 * <p>Every mutating call carries {@link DaemonProtocol#OPERATION_ID_HEADER}; a repeat of a completed operation id
 * returns the recorded answer without doing the work again, so the control plane may retry.
 * SR and volume ids are UUIDs; every file, logical volume or mount point name is derived from
 * them, never from a user's text.
 */
public final class StorageProtocol {
    public static final String SRS = "/srs";
    /** GET: the host's {@link LocalSrOffer}, the directory its local storage should live in. */
    public static final String LOCAL_SR = "/local-sr";
    public static final String SR = SRS + "/{srId}";
    /** POST {@link SrSpec}: formats new storage (refuses storage that already holds an SR). */
    public static final String SR_CREATE = SR + "/create";
    /** POST {@link SrSpec}: makes the SR usable on this host (PBD plug); answers {@link SrStats}. */
    public static final String SR_ATTACH = SR + "/attach";
    /** POST: releases the SR on this host (PBD unplug; NFS unmounts). Idempotent. */
    public static final String SR_DETACH = SR + "/detach";
    /** POST {@link SrSpec}: wipes the SR's storage. The SR is attached for the duration if needed. */
    public static final String SR_DESTROY = SR + "/destroy";
    /** GET: {@link SrStats} of an attached SR. */
    public static final String SR_STATS = SR + "/stats";
    /** GET: every volume of an attached SR ({@link VolumeList}). */
    public static final String VOLUMES = SR + "/volumes";
    public static final String VOLUME = VOLUMES + "/{volumeId}";
    public static final String VOLUME_RESIZE = VOLUME + "/resize";
    public static final String VOLUME_FORK = VOLUME + "/fork";
    public static final String VOLUME_COALESCE = VOLUME + "/coalesce";
    public static final String VOLUME_COPY = VOLUME + "/copy";
    public static final String VOLUME_ACTIVATE = VOLUME + "/activate";
    public static final String VOLUME_DEACTIVATE = VOLUME + "/deactivate";
    /** GET (export) or PUT (import) the volume's content, {@code ?format=raw|qcow2}. */
    public static final String VOLUME_CONTENT = VOLUME + "/content";
    /** Query parameter of an import: the largest body accepted, in bytes. */
    public static final String MAX_BYTES = "maxBytes";

    private StorageProtocol() {
    }
}
