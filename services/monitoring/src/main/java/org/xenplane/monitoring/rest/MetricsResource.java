package org.xenplane.monitoring.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.daemon.protocol.MetricsReport;
import org.xenplane.monitoring.api.MetricsView;
import org.xenplane.monitoring.model.Consolidation;
import org.xenplane.monitoring.service.MetricsService;
import org.xenplane.monitoring.service.MonitoringOperation;

/** {@code /api/v1/metrics}: hosts' and VMs' archived metrics, and the daemons' samples coming in. */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics")
public class MetricsResource {
    private static final long DEFAULT_RANGE = 600;
    private static final String QUERY_DOC = " `ds` (repeatable or comma-separated; default: all), `start` and `end`"
            + " (seconds since the epoch or ISO-8601; default: the last 10 minutes), `resolution` (5, 60, 3600 or 86400 s;"
            + " default: the finest that holds the range) and `cf` (AVERAGE, MIN or MAX).";

    private final MetricsService metrics;
    private final CurrentCaller caller;

    public MetricsResource(MetricsService metrics, CurrentCaller caller) {
        this.metrics = metrics;
        this.caller = caller;
    }

    @GET
    @Path("/hosts/{id}")
    @Authorized("metrics.read")
    @Operation(summary = "A host's metrics", description = "Rows of the host's archives." + QUERY_DOC)
    @APIResponse(responseCode = "200", description = "The rows")
    public MetricsView host(@PathParam("id") String id, @QueryParam("ds") List<String> ds, @QueryParam("start") String start,
                            @QueryParam("end") String end, @QueryParam("resolution") String resolution, @QueryParam("cf") String cf) {
        return fetch("host", id, ds, start, end, resolution, cf);
    }

    @GET
    @Path("/vms/{id}")
    @Authorized("metrics.read")
    @Operation(summary = "A VM's metrics", description = "Rows of the VM's archives, wherever it ran." + QUERY_DOC)
    @APIResponse(responseCode = "200", description = "The rows")
    public MetricsView vm(@PathParam("id") String id, @QueryParam("ds") List<String> ds, @QueryParam("start") String start,
                          @QueryParam("end") String end, @QueryParam("resolution") String resolution, @QueryParam("cf") String cf) {
        return fetch("vm", id, ds, start, end, resolution, cf);
    }

    @GET
    @Path("/hosts/{id}/updates")
    @Authorized("metrics.read")
    @Operation(summary = "Updates of a host and its VMs (rrd_updates)",
            description = "Every data source of the host and of every VM whose newest sample came from it, since `start`."
                    + " Columns are named `<CF>:<class>:<uuid>:<data source>`, as XenServer's rrd_updates legend." + QUERY_DOC)
    @APIResponse(responseCode = "200", description = "The rows")
    public MetricsView.UpdatesView updates(@PathParam("id") String id, @QueryParam("start") String start, @QueryParam("end") String end,
                                           @QueryParam("resolution") String resolution, @QueryParam("cf") String cf) {
        UUID hostId = Ids.parse("host", id);
        MetricsService.Query q = query(List.of(), start, end, resolution, cf);
        return MetricsView.UpdatesView.of(q, metrics.updates(hostId, q));
    }

    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("metrics.report")
    @Operation(summary = "Report a host's sample (host daemons)", description = "Only the host's own daemon, with its host credential.")
    @APIResponse(responseCode = "204", description = "Archived")
    public Response report(@NotNull @Valid MetricsReport report) {
        if (!caller.get().subject().equals(report.hostId().toString())) {
            throw new XenplaneException(ErrorCode.RBAC_PERMISSION_DENIED, MonitoringOperation.REPORT.id(), "host " + report.hostId());
        }
        metrics.ingest(report);
        return Response.noContent().build();
    }

    private MetricsView fetch(String objectClass, String id, List<String> ds, String start, String end, String resolution, String cf) {
        UUID objectId = Ids.parse(objectClass, id);
        MetricsService.Query q = query(ds, start, end, resolution, cf);
        return MetricsView.of(objectClass, objectId, q, metrics.fetch(objectClass, objectId, q));
    }

    static MetricsService.Query query(List<String> ds, String start, String end, String resolution, String cf) {
        long e = end == null ? Instant.now().getEpochSecond() : time("end", end);
        long s = start == null ? e - DEFAULT_RANGE : time("start", start);
        Integer r = null;
        if (resolution != null) {
            try {
                r = Integer.parseInt(resolution.trim());
            } catch (NumberFormatException x) {
                throw new XenplaneException(ErrorCode.METRICS_RESOLUTION_INVALID, abbreviate(resolution), "5, 60, 3600, 86400");
            }
        }
        Consolidation c;
        try {
            c = cf == null ? Consolidation.AVERAGE : Consolidation.valueOf(cf.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException x) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, "cf", "one of AVERAGE, MIN, MAX");
        }
        List<String> names = new ArrayList<>();
        for (String d : ds == null ? List.<String>of() : ds) {
            for (String part : d.split(",")) {
                if (!part.isBlank()) {
                    names.add(part.trim());
                }
            }
        }
        if (names.size() > 256) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, "ds", "at most 256 data sources");
        }
        return new MetricsService.Query(List.copyOf(names), s, e, r, c);
    }

    private static long time(String name, String raw) {
        String t = raw.trim();
        try {
            return t.matches("-?\\d{1,12}") ? Long.parseLong(t) : Instant.parse(t).getEpochSecond();
        } catch (DateTimeParseException | NumberFormatException x) {
            throw new XenplaneException(ErrorCode.INVALID_PARAMETER, name, "seconds since the epoch or an ISO-8601 instant");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 32 ? s : s.substring(0, 32) + "...";
    }
}
