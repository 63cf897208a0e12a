package org.xenplane.core.daemon;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.UUID;
import org.xenplane.core.daemon.DaemonRequest.Budget;
import org.xenplane.daemon.protocol.storage.ForkResult;
import org.xenplane.daemon.protocol.storage.ImageFormat;
import org.xenplane.daemon.protocol.storage.LocalSrOffer;
import org.xenplane.daemon.protocol.storage.SrSpec;
import org.xenplane.daemon.protocol.storage.SrStats;
import org.xenplane.daemon.protocol.storage.StorageProtocol;
import org.xenplane.daemon.protocol.storage.VolumeCoalesce;
import org.xenplane.daemon.protocol.storage.VolumeCopy;
import org.xenplane.daemon.protocol.storage.VolumeCreate;
import org.xenplane.daemon.protocol.storage.VolumeFork;
import org.xenplane.daemon.protocol.storage.VolumeInfo;
import org.xenplane.daemon.protocol.storage.VolumeList;

/**
 * The typed client of the daemons' storage API ({@link StorageProtocol}), over the one
 * {@link DaemonTransport}. Work on disks gets the disk time, moving a disk's content the transfer
 * time ({@link DaemonClientConfig}); the daemon's storage errors pass on as the same codes.
 */
@ApplicationScoped
public class StorageDaemonClient {
    private static final String POST = "POST";

    private final DaemonTransport transport;

    public StorageDaemonClient(DaemonTransport transport) {
        this.transport = transport;
    }

    public void createSr(HostRef host, UUID srId, SrSpec spec, String operationId) {
        disk(host, DaemonRequest.change(POST, operationId, spec, StorageProtocol.SR_CREATE, srId), Void.class);
    }

    public SrStats attachSr(HostRef host, UUID srId, SrSpec spec, String operationId) {
        return disk(host, DaemonRequest.change(POST, operationId, spec, StorageProtocol.SR_ATTACH, srId), SrStats.class);
    }

    public void detachSr(HostRef host, UUID srId, String operationId) {
        disk(host, DaemonRequest.change(POST, operationId, null, StorageProtocol.SR_DETACH, srId), Void.class);
    }

    public void destroySr(HostRef host, UUID srId, SrSpec spec, String operationId) {
        disk(host, DaemonRequest.change(POST, operationId, spec, StorageProtocol.SR_DESTROY, srId), Void.class);
    }

    /** The directory the host offers for its local storage (no path: it offers none). */
    public LocalSrOffer localSr(HostRef host) {
        return disk(host, DaemonRequest.get(StorageProtocol.LOCAL_SR), LocalSrOffer.class);
    }

    public SrStats stats(HostRef host, UUID srId) {
        return disk(host, DaemonRequest.get(StorageProtocol.SR_STATS, srId), SrStats.class);
    }

    public VolumeList scan(HostRef host, UUID srId) {
        return disk(host, DaemonRequest.get(StorageProtocol.VOLUMES, srId), VolumeList.class);
    }

    public VolumeInfo volume(HostRef host, UUID srId, UUID volumeId) {
        return disk(host, DaemonRequest.get(StorageProtocol.VOLUME, srId, volumeId), VolumeInfo.class);
    }

    public VolumeInfo createVolume(HostRef host, UUID srId, UUID volumeId, long virtualSize, String operationId) {
        return disk(host, DaemonRequest.change("PUT", operationId, new VolumeCreate(virtualSize), StorageProtocol.VOLUME,
                srId, volumeId), VolumeInfo.class);
    }

    public void deleteVolume(HostRef host, UUID srId, UUID volumeId, String operationId) {
        disk(host, DaemonRequest.change("DELETE", operationId, null, StorageProtocol.VOLUME, srId, volumeId), Void.class);
    }

    public VolumeInfo resize(HostRef host, UUID srId, UUID volumeId, long virtualSize, String operationId) {
        return disk(host, DaemonRequest.change(POST, operationId, new VolumeCreate(virtualSize),
                StorageProtocol.VOLUME_RESIZE, srId, volumeId), VolumeInfo.class);
    }

    public ForkResult fork(HostRef host, UUID srId, UUID volumeId, UUID baseId, UUID leafId, String operationId) {
        return disk(host, DaemonRequest.change(POST, operationId, new VolumeFork(baseId, leafId),
                StorageProtocol.VOLUME_FORK, srId, volumeId), ForkResult.class);
    }

    public VolumeInfo coalesce(HostRef host, UUID srId, UUID volumeId, UUID parentId, String operationId) {
        return disk(host, DaemonRequest.change(POST, operationId, new VolumeCoalesce(parentId),
                StorageProtocol.VOLUME_COALESCE, srId, volumeId), VolumeInfo.class);
    }

    public VolumeInfo copy(HostRef host, UUID srId, UUID volumeId, UUID targetSrId, UUID targetId, String operationId) {
        return transport.send(host, DaemonRequest.change(POST, operationId, new VolumeCopy(targetSrId, targetId),
                StorageProtocol.VOLUME_COPY, srId, volumeId).within(Budget.TRANSFER), VolumeInfo.class);
    }

    public VolumeInfo activate(HostRef host, UUID srId, UUID volumeId, String operationId) {
        return disk(host, DaemonRequest.change(POST, operationId, null, StorageProtocol.VOLUME_ACTIVATE, srId, volumeId),
                VolumeInfo.class);
    }

    public void deactivate(HostRef host, UUID srId, UUID volumeId, String operationId) {
        disk(host, DaemonRequest.change(POST, operationId, null, StorageProtocol.VOLUME_DEACTIVATE, srId, volumeId),
                Void.class);
    }

    /** The content of a volume as it streams from the daemon; close it when done. */
    public DaemonTransport.Download export(HostRef host, UUID srId, UUID volumeId, ImageFormat format) {
        return transport.download(host, content(DaemonRequest.get(StorageProtocol.VOLUME_CONTENT, srId, volumeId), format));
    }

    /** Streams {@code length} bytes of an image into an existing volume (which keeps its size). */
    public VolumeInfo importContent(HostRef host, UUID srId, UUID volumeId, ImageFormat format, long length,
                                    InputStream body, String operationId) {
        DaemonRequest put = DaemonRequest.change("PUT", operationId, null, StorageProtocol.VOLUME_CONTENT, srId, volumeId);
        return transport.upload(host, content(put, format), body, length, VolumeInfo.class);
    }

    private static DaemonRequest content(DaemonRequest request, ImageFormat format) {
        return new DaemonRequest(request.method(), request.path() + "?format=" + format.id(), null, request.operationId(),
                Budget.TRANSFER, request.extra());
    }

    private <T> T disk(HostRef host, DaemonRequest request, Class<T> answer) {
        return transport.send(host, request.within(Budget.DISK), answer);
    }
}
