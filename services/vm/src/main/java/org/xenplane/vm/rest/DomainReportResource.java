package org.xenplane.vm.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.daemon.protocol.DomainReport;
import org.xenplane.vm.reconcile.DomainReconciler;
import org.xenplane.vm.reconcile.UnknownDomains;
import org.xenplane.vm.service.VmOperation;

/** {@code POST /api/v1/domain-reports}: a host daemon reports its host's actual domains. */
@Path("/api/v1/domain-reports")
@Tag(name = "vms")
public class DomainReportResource {
    private static final Logger LOG = Logger.getLogger(DomainReportResource.class);

    private final DomainReconciler reconciler;
    private final UnknownDomains unknown;
    private final CurrentCaller caller;

    public DomainReportResource(DomainReconciler reconciler, UnknownDomains unknown, CurrentCaller caller) {
        this.reconciler = reconciler;
        this.unknown = unknown;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("vm.report_domains")
    @Operation(summary = "Report a host's domains (host daemons)",
            description = "Only the host's own daemon, with its host credential. The VM records are reconciled with it.")
    @APIResponse(responseCode = "204", description = "Reconciled")
    public Response report(@NotNull @Valid DomainReport report) {
        UUID hostId = report.hostId();
        if (!caller.get().subject().equals(hostId.toString())) {
            throw new XenplaneException(ErrorCode.RBAC_PERMISSION_DENIED, VmOperation.REPORT_DOMAINS.id(), "host " + hostId);
        }
        List<UUID> firstSeen = reconciler.apply(report);
        if (!firstSeen.isEmpty()) {
            LOG.infof("Host %s runs %d domain(s) that belong to no VM there: %s", hostId, firstSeen.size(), firstSeen);
            unknown.handle(hostId, firstSeen);
        }
        return Response.noContent().build();
    }
}
