package org.xenplane.network.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.rest.IdempotencyKeys;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.core.task.TaskOutcome;
import org.xenplane.core.task.TaskResponses;
import org.xenplane.network.api.IpConfigRequest;
import org.xenplane.network.api.PifScan;
import org.xenplane.network.api.PifView;
import org.xenplane.network.model.Pif;
import org.xenplane.network.service.PifChanges;
import org.xenplane.network.service.PifService;

/** {@code /api/v1/pifs}: the hosts' interfaces to networks. */
@Path("/api/v1/pifs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pifs")
public class PifResource {
    private final PifService pifs;
    private final PifChanges changes;
    private final CurrentCaller caller;

    public PifResource(PifService pifs, PifChanges changes, CurrentCaller caller) {
        this.pifs = pifs;
        this.changes = changes;
        this.caller = caller;
    }

    @GET
    @Authorized("pif.read")
    @Operation(summary = "List PIFs", description = "Every host's, or one host's with ?host=<id>.")
    @APIResponse(responseCode = "200", description = "The PIFs")
    public List<PifView> list(@QueryParam("host") String host) {
        return pifs.list(host == null ? null : Ids.parse("host", host));
    }

    @GET
    @Path("/{id}")
    @Authorized("pif.read")
    @Operation(summary = "Get a PIF")
    @APIResponse(responseCode = "200", description = "The PIF")
    public PifView get(@PathParam("id") String id) {
        return pifs.get(Ids.parse(Pif.CLASS, id));
    }

    @POST
    @Path("/scan")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("pif.scan")
    @Operation(summary = "Scan a host's interfaces now", description = "Brings the host's PIFs up to date with what its "
            + "daemon reports (also done every xenplane.network.pif-scan-interval).")
    @APIResponse(responseCode = "200", description = "The host's PIFs; the task id is in the Xenplane-Task header")
    public Response scan(@NotNull @Valid PifScan request, @HeaderParam(IdempotencyKeys.HEADER) String key) {
        TaskOutcome<List<PifView>> scanned = changes.scan(request.hostId(), caller.get().subject(), IdempotencyKeys.validate(key));
        return TaskResponses.finished(scanned.task(), scanned.value());
    }

    @POST
    @Path("/{id}/reconfigure-ip")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("pif.reconfigure_ip")
    @Operation(summary = "Reconfigure a PIF's IP", description = "None, DHCP or static; applied to the PIF's network "
            + "bridge on its host, which is made with the PIF as its uplink.")
    @APIResponse(responseCode = "200", description = "The PIF; the task id is in the Xenplane-Task header")
    public Response reconfigureIp(@PathParam("id") String id, @NotNull @Valid IpConfigRequest config,
                                  @HeaderParam(IdempotencyKeys.HEADER) String key) {
        UUID pifId = Ids.parse(Pif.CLASS, id);
        TaskOutcome<PifView> done = changes.reconfigureIp(pifId, config.toConfig(), caller.get().subject(),
                IdempotencyKeys.validate(key));
        return TaskResponses.finished(done.task(), done.value());
    }
}
