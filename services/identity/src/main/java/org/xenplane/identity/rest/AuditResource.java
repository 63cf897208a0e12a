package org.xenplane.identity.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.OperationCatalog;
import org.xenplane.core.security.Role;
import org.xenplane.identity.api.AuditView;
import org.xenplane.identity.api.RoleView;
import org.xenplane.identity.service.AuditQuery;

/** {@code /api/v1/audit} and {@code /api/v1/roles}: who did what, and who may do what. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditResource {
    private final AuditQuery audit;
    private final OperationCatalog catalog;

    public AuditResource(AuditQuery audit, OperationCatalog catalog) {
        this.audit = audit;
        this.catalog = catalog;
    }

    @GET
    @Path("/audit")
    @Authorized("audit.read")
    @Operation(summary = "The audit log", description = "Every mutating call and every login attempt, newest first."
            + " Filters: subject, operation, outcome (success|failure), since and until (ISO-8601 instants).")
    @APIResponse(responseCode = "200", description = "Audit records")
    public List<AuditView> audit(@QueryParam("subject") String subject, @QueryParam("operation") String operation,
                                 @QueryParam("outcome") String outcome, @QueryParam("since") String since,
                                 @QueryParam("until") String until,
                                 @QueryParam("limit") @DefaultValue("100") int limit,
                                 @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, "limit", "limit 1..1000, offset >= 0");
        }
        if (outcome != null && !outcome.equals("success") && !outcome.equals("failure")) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, "outcome", "success or failure");
        }
        return audit.find(new AuditQuery.Filter(subject, operation, outcome, instant("since", since), instant("until", until)),
                limit, offset);
    }

    @GET
    @Path("/roles")
    @Authorized("role.read")
    @Operation(summary = "The roles", description = "Each role with every operation it may perform, from the declarations.")
    @APIResponse(responseCode = "200", description = "The six roles, most privileged first")
    public List<RoleView> roles() {
        return Arrays.stream(Role.values()).map(role -> new RoleView(role.wireName(), catalog.all().stream()
                .filter(op -> op.caller() == CallerKind.USER && role.includes(op.minimumRole()))
                .map(op -> op.id()).sorted().toList())).toList();
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, name, "an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
