package org.xenplane.daemon.storage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import org.xenplane.daemon.api.CurrentHost;
import org.xenplane.daemon.api.DaemonAuthenticator;
import org.xenplane.daemon.api.DaemonException;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.WireError;
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
 * The storage API of a host ({@code /daemon/v1/hosts/{localKey}/srs/...}), called by the control
 * plane only, behind {@link DaemonAuthenticator}. Mutating calls are idempotent under
 * {@link StorageProtocol#OPERATION_HEADER}.
 */
@Path(DaemonProtocol.DAEMON_ROOT + "/{" + DaemonAuthenticator.LOCAL_KEY + "}")
@Produces(MediaType.APPLICATION_JSON)
public class StorageResource {
    private static final int COPY_BUFFER = 1 << 20;

    private final LocalStorage storage;
    private final LocalSrOffers localSrs;
    private final CurrentHost current;

    public StorageResource(LocalStorage storage, LocalSrOffers localSrs, CurrentHost current) {
        this.storage = storage;
        this.localSrs = localSrs;
        this.current = current;
    }

    @GET
    @Path(StorageProtocol.LOCAL_SR)
    public LocalSrOffer localSr() {
        return localSrs.offer(host());
    }

    private String host() {
        return current.host().key();
    }

    @POST
    @Path(StorageProtocol.SR_CREATE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("srId") String srId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op, SrSpec spec) {
        storage.create(host(), id("srId", srId), spec, op);
        return Response.noContent().build();
    }

    @POST
    @Path(StorageProtocol.SR_ATTACH)
    @Consumes(MediaType.APPLICATION_JSON)
    public SrStats attach(@PathParam("srId") String srId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op, SrSpec spec) {
        return storage.attach(host(), id("srId", srId), spec, op);
    }

    @POST
    @Path(StorageProtocol.SR_DETACH)
    public Response detach(@PathParam("srId") String srId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op) {
        storage.detach(host(), id("srId", srId), op);
        return Response.noContent().build();
    }

    @POST
    @Path(StorageProtocol.SR_DESTROY)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response destroy(@PathParam("srId") String srId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op, SrSpec spec) {
        storage.destroy(host(), id("srId", srId), spec, op);
        return Response.noContent().build();
    }

    @GET
    @Path(StorageProtocol.SR_STATS)
    public SrStats stats(@PathParam("srId") String srId) {
        return storage.stats(host(), id("srId", srId));
    }

    @GET
    @Path(StorageProtocol.VOLUMES)
    public VolumeList scan(@PathParam("srId") String srId) {
        return storage.scan(host(), id("srId", srId));
    }

    @GET
    @Path(StorageProtocol.VOLUME)
    public VolumeInfo volume(@PathParam("srId") String srId, @PathParam("volumeId") String volumeId) {
        return storage.info(host(), id("srId", srId), id("volumeId", volumeId));
    }

    @PUT
    @Path(StorageProtocol.VOLUME)
    @Consumes(MediaType.APPLICATION_JSON)
    public VolumeInfo createVolume(@PathParam("srId") String srId, @PathParam("volumeId") String volumeId,
                                   @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op, VolumeCreate body) {
        long size = positive(body == null ? 0 : body.virtualSize());
        UUID vol = id("volumeId", volumeId);
        return storage.withVolumes(host(), id("srId", srId), op, true, v -> v.create(vol, size));
    }

    @DELETE
    @Path(StorageProtocol.VOLUME)
    public Response deleteVolume(@PathParam("srId") String srId, @PathParam("volumeId") String volumeId,
                                 @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op) {
        UUID vol = id("volumeId", volumeId);
        storage.withVolumes(host(), id("srId", srId), op, true, v -> {
            v.remove(vol);
            return Boolean.TRUE;
        });
        return Response.noContent().build();
    }

    @POST
    @Path(StorageProtocol.VOLUME_RESIZE)
    @Consumes(MediaType.APPLICATION_JSON)
    public VolumeInfo resize(@PathParam("srId") String srId, @PathParam("volumeId") String volumeId,
                             @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op, VolumeCreate body) {
        long size = positive(body == null ? 0 : body.virtualSize());
        UUID vol = id("volumeId", volumeId);
        return storage.withVolumes(host(), id("srId", srId), op, true, v -> v.resize(vol, size));
    }

    @POST
    @Path(StorageProtocol.VOLUME_FORK)
    @Consumes(MediaType.APPLICATION_JSON)
    public ForkResult fork(@PathParam("srId") String srId, @PathParam("volumeId") String volumeId,
                           @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op, VolumeFork body) {
        UUID vol = id("volumeId", volumeId);
        if (body == null || body.baseId() == null || body.leafId() == null) {
            throw field("baseId", "baseId and leafId are required");
        }
        return storage.withVolumes(host(), id("srId", srId), op, true, v -> v.fork(vol, body.baseId(), body.leafId()));
    }

    @POST
    @Path(StorageProtocol.VOLUME_COALESCE)
    @Consumes(MediaType.APPLICATION_JSON)
    public VolumeInfo coalesce(@PathParam("srId") String srId, @PathParam("volumeId") String volumeId,
                               @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op, VolumeCoalesce body) {
        UUID vol = id("volumeId", volumeId);
        if (body == null || body.parentId() == null) {
            throw field("parentId", "required");
        }
        return storage.withVolumes(host(), id("srId", srId), op, true, v -> v.coalesce(vol, body.parentId()));
    }

    @POST
    @Path(StorageProtocol.VOLUME_COPY)
    @Consumes(MediaType.APPLICATION_JSON)
    public VolumeInfo copy(@PathParam("srId") String srId, @PathParam("volumeId") String volumeId,
                           @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op, VolumeCopy body) {
        UUID vol = id("volumeId", volumeId);
        if (body == null || body.targetSrId() == null || body.targetId() == null) {
            throw field("targetSrId", "targetSrId and targetId are required");
        }
        QcowVolumes target = LocalStorage.backend(body.targetSrId(), () -> storage.volumesOf(host(), body.targetSrId()));
        return storage.withVolumes(host(), id("srId", srId), op, false, v -> v.copyTo(vol, target, body.targetId()));
    }

    @POST
    @Path(StorageProtocol.VOLUME_ACTIVATE)
    public VolumeInfo activate(@PathParam("srId") String srId, @PathParam("volumeId") String volumeId,
                               @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op) {
        UUID vol = id("volumeId", volumeId);
        return storage.withVolumes(host(), id("srId", srId), op, false, v -> v.activate(vol));
    }

    @POST
    @Path(StorageProtocol.VOLUME_DEACTIVATE)
    public Response deactivate(@PathParam("srId") String srId, @PathParam("volumeId") String volumeId,
                               @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op) {
        UUID vol = id("volumeId", volumeId);
        storage.withVolumes(host(), id("srId", srId), op, false, v -> {
            v.deactivate(vol);
            return Boolean.TRUE;
        });
        return Response.noContent().build();
    }

    @GET
    @Path(StorageProtocol.VOLUME_CONTENT)
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response export(@PathParam("srId") String srId, @PathParam("volumeId") String volumeId,
                           @QueryParam("format") String format) {
        UUID sr = id("srId", srId);
        UUID vol = id("volumeId", volumeId);
        ImageFormat f = format(format);
        java.nio.file.Path file = storage.withVolumes(host(), sr, null, false, v -> v.export(vol, f));
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            QcowVolumes.deleteQuietly(file);
            throw new DaemonException(WireError.SR_BACKEND_FAILURE, Map.of("sr", sr.toString(),
                    "detail", "cannot read the exported image: " + e.getMessage()), null);
        }
        StreamingOutput body = out -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            } finally {
                QcowVolumes.deleteQuietly(file);
            }
        };
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM).header(HttpHeaders.CONTENT_LENGTH, length).build();
    }

    @PUT
    @Path(StorageProtocol.VOLUME_CONTENT)
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public VolumeInfo importContent(@PathParam("srId") String srId, @PathParam("volumeId") String volumeId,
                                    @QueryParam("format") String format,
                                    @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op,
                                    @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        UUID sr = id("srId", srId);
        UUID vol = id("volumeId", volumeId);
        ImageFormat f = format(format);
        if (contentLength == null || contentLength <= 0) {
            throw new DaemonException(WireError.INVALID_PARAMETER,
                    Map.of("parameter", HttpHeaders.CONTENT_LENGTH, "reason", "a positive Content-Length is required"), null);
        }
        return storage.withVolumes(host(), sr, op, true, v -> {
            long virtualSize = v.info(vol).virtualSize();
            long limit = f == ImageFormat.RAW ? virtualSize : virtualSize + virtualSize / 64 + (64L << 20);
            if (contentLength > limit) {
                throw new DaemonException(WireError.VDI_TOO_SMALL, Map.of("vdi", vol.toString(),
                        "virtual_size", Long.toString(virtualSize), "image_size", Long.toString(contentLength)),
                        "the upload is larger than the VDI can hold");
            }
            java.nio.file.Path upload = v.space().staging().resolve(UUID.randomUUID() + ".upload");
            try {
                receive(body, upload, contentLength);
                return v.importImage(vol, upload, f, virtualSize);
            } finally {
                QcowVolumes.deleteQuietly(upload);
            }
        });
    }

    private static void receive(InputStream body, java.nio.file.Path file, long expected) {
        long received = 0;
        byte[] buffer = new byte[COPY_BUFFER];
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                received += n;
                if (received > expected) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new StorageFailure("the upload broke off after " + received + " bytes: " + e.getMessage(), e);
        }
        if (received != expected) {
            throw new StorageFailure("the upload has " + received + " bytes, Content-Length said " + expected);
        }
    }

    private static ImageFormat format(String text) {
        ImageFormat f = ImageFormat.parse(text == null ? "raw" : text);
        if (f == null) {
            throw new DaemonException(WireError.INVALID_PARAMETER, Map.of("parameter", "format", "reason", "raw or qcow2"), null);
        }
        return f;
    }

    private static UUID id(String name, String text) {
        try {
            if (text != null && text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException ignored) {
            // answered below
        }
        throw new DaemonException(WireError.INVALID_PARAMETER, Map.of("parameter", name, "reason", "not a UUID"), null);
    }

    private static long positive(long size) {
        if (size <= 0) {
            throw field("virtualSize", "must be positive");
        }
        return size;
    }

    private static DaemonException field(String field, String reason) {
        return new DaemonException(WireError.INVALID_FIELD, Map.of("field", field, "reason", reason), null);
    }
}
