package org.xenplane.daemon.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.xenplane.daemon.domain.DomainManager;
import org.xenplane.daemon.domain.MigrationSender;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.DomainReport;
import org.xenplane.daemon.protocol.DomainRequests;
import org.xenplane.daemon.protocol.DomainResult;
import org.xenplane.daemon.protocol.WireError;

/**
 * The domain operations the control plane asks of a host, under
 * {@code /daemon/v1/hosts/{localKey}/domains}; callers are authenticated by
 * {@link DaemonAuthenticator}. Each mutating call may carry {@code Xenplane-Operation-Id}: a
 * repeat returns the first call's outcome and acts once. Hypervisor failures are
 * {@code 409 HYPERVISOR_ERROR} with libxl's error name.
 */
@Path(DaemonProtocol.DAEMON_ROOT + "/{" + DaemonAuthenticator.LOCAL_KEY + "}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DomainResource {
    private final CurrentHost current;
    private final MigrationSender sender;

    public DomainResource(CurrentHost current, MigrationSender sender) {
        this.current = current;
        this.sender = sender;
    }

    @GET
    @Path(DaemonProtocol.DOMAINS)
    public DomainReport list() {
        return domains().report(current.identity().hostId());
    }

    @PUT
    @Path(DaemonProtocol.DOMAIN)
    public DomainResult create(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op,
                               @NotNull @Valid DomainRequests.Create body) {
        sameVm(vmId, body.spec().vmId());
        return domains().create(op, body.spec(), body.paused());
    }

    @DELETE
    @Path(DaemonProtocol.DOMAIN)
    public DomainResult destroy(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op) {
        return domains().destroy(op, uuid(vmId));
    }

    @POST
    @Path(DaemonProtocol.DOMAIN_DISKS)
    public DomainResult plugDisk(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op,
                                 @NotNull @Valid DomainRequests.PlugDisk body) {
        return domains().plugDisk(op, uuid(vmId), body.disk());
    }

    @DELETE
    @Path(DaemonProtocol.DOMAIN_DISK)
    public DomainResult unplugDisk(@PathParam("vmId") String vmId, @PathParam("vdev") String vdev,
                                   @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op) {
        return domains().unplugDisk(op, uuid(vmId), vdev);
    }

    @PUT
    @Path(DaemonProtocol.DOMAIN_DISK_MEDIUM)
    public DomainResult changeMedium(@PathParam("vmId") String vmId, @PathParam("vdev") String vdev,
                                     @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op,
                                     @NotNull @Valid DomainRequests.ChangeMedium body) {
        if (!vdev.equals(body.medium().vdev())) {
            throw new DaemonException(WireError.INVALID_FIELD,
                    Map.of("field", "medium.vdev", "reason", "differs from the path"), null);
        }
        return domains().changeMedium(op, uuid(vmId), body.medium());
    }

    @POST
    @Path(DaemonProtocol.DOMAIN_NICS)
    public DomainResult plugNic(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op,
                                @NotNull @Valid DomainRequests.PlugNic body) {
        return domains().plugNic(op, uuid(vmId), body.nic());
    }

    @DELETE
    @Path(DaemonProtocol.DOMAIN_NIC)
    public DomainResult unplugNic(@PathParam("vmId") String vmId, @PathParam("mac") String mac,
                                  @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op) {
        return domains().unplugNic(op, uuid(vmId), mac);
    }

    @POST
    @Path(DaemonProtocol.DOMAIN_PAUSE)
    public DomainResult pause(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op) {
        return domains().pause(op, uuid(vmId));
    }

    @POST
    @Path(DaemonProtocol.DOMAIN_UNPAUSE)
    public DomainResult unpause(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op) {
        return domains().unpause(op, uuid(vmId));
    }

    @POST
    @Path(DaemonProtocol.DOMAIN_SHUTDOWN)
    public DomainResult shutdown(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op,
                                 @NotNull @Valid DomainRequests.CleanShutdown body) {
        return domains().cleanShutdown(op, uuid(vmId), Duration.ofMillis(body.timeoutMillis()));
    }

    @POST
    @Path(DaemonProtocol.DOMAIN_REBOOT)
    public DomainResult reboot(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op,
                               @NotNull @Valid DomainRequests.CleanShutdown body) {
        return domains().cleanReboot(op, uuid(vmId), Duration.ofMillis(body.timeoutMillis()));
    }

    @POST
    @Path(DaemonProtocol.DOMAIN_SUSPEND)
    public DomainResult suspend(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op) {
        return domains().suspend(op, uuid(vmId));
    }

    @POST
    @Path(DaemonProtocol.DOMAIN_RESTORE)
    public DomainResult restore(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op,
                                @NotNull @Valid DomainRequests.Restore body) {
        sameVm(vmId, body.spec().vmId());
        return domains().restore(op, body.spec(), body.paused());
    }

    @POST
    @Path(DaemonProtocol.DOMAIN_MEMORY)
    public DomainResult memoryTarget(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op,
                                     @NotNull @Valid DomainRequests.MemoryTarget body) {
        return domains().setMemoryTarget(op, uuid(vmId), body.targetBytes());
    }

    @POST
    @Path(DaemonProtocol.DOMAIN_VCPUS)
    public DomainResult vcpusOnline(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op,
                                    @NotNull @Valid DomainRequests.VcpusOnline body) {
        return domains().setVcpusOnline(op, uuid(vmId), body.online());
    }

    @POST
    @Path(DaemonProtocol.DOMAIN_MIGRATE)
    public DomainResult migrate(@PathParam("vmId") String vmId, @HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op,
                                @NotNull @Valid DomainRequests.MigrateOut body) {
        return domains().migrateOut(op, uuid(vmId), body.streamUrl(), body.ticket(), sender);
    }

    @POST
    @Path(DaemonProtocol.INCOMING_MIGRATIONS)
    public DomainRequests.IncomingMigration prepareIncoming(@HeaderParam(DaemonProtocol.OPERATION_ID_HEADER) String op,
                                                            @NotNull @Valid DomainRequests.PrepareIncoming body,
                                                            @Context UriInfo uri) {
        // The sender reaches this daemon where the control plane did: its daemon URL's origin.
        String origin = uri.getBaseUri().toString().replaceAll("/+$", "");
        return domains().prepareIncoming(op, body.spec(),
                origin + DaemonProtocol.MIGRATION_STREAM_ROOT + "/" + current.host().key());
    }

    @DELETE
    @Path(DaemonProtocol.SUSPEND_IMAGE)
    public Response forgetImage(@PathParam("vmId") String vmId) {
        domains().forgetImage(uuid(vmId));
        return Response.noContent().build();
    }

    private DomainManager domains() {
        return current.host().domains();
    }

    static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new DaemonException(WireError.INVALID_PARAMETER, Map.of("parameter", "vmId", "reason", "not a uuid"), null);
        }
    }

    private static void sameVm(String path, UUID body) {
        if (!uuid(path).equals(body)) {
            throw new DaemonException(WireError.INVALID_FIELD,
                    Map.of("field", "spec.vmId", "reason", "differs from the path"), null);
        }
    }
}
