package org.xenplane.daemon.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.XenError;
import org.xenplane.daemon.driver.simulator.GuestBehaviour;
import org.xenplane.daemon.driver.simulator.SimulatedHost;
import org.xenplane.daemon.host.HostPower;
import org.xenplane.daemon.protocol.DaemonProtocol;
import org.xenplane.daemon.protocol.ShutdownReason;
import org.xenplane.daemon.protocol.WireError;

/**
 * What only a simulated host offers, for tests and demos: make a guest power off, reboot or crash
 * by itself, make it ignore requests, power the host off, and arm failures of the next driver calls. Authenticated as
 * every {@code /daemon/} call; 404 {@code NOT_FOUND} for a host that is not simulated.
 */
@Path(DaemonProtocol.DAEMON_ROOT + "/{" + DaemonAuthenticator.LOCAL_KEY + "}/simulator")
@Consumes(MediaType.APPLICATION_JSON)
public class SimulatorResource {
    /** The only call a shut-down simulated host answers: its power button. */
    public static final String POWER_ON = "/simulator/power-on";

    private final CurrentHost current;
    private final HostPower power;

    /** What the guest does by itself. */
    public record GuestAction(@NotNull @Pattern(regexp = "poweroff|reboot|crash") String action) {
    }

    /** Whether the guest obeys shutdown and reboot requests, and how fast. */
    public record Behaviour(boolean obeys, @Min(0) @Max(3_600_000) long reactionMillis) {
    }

    /** The next {@code times} calls of {@code operation} (e.g. {@code create}) fail with {@code error} (e.g. {@code ERROR_NOMEM}). */
    public record Failure(@NotBlank String operation, @NotBlank String error, @Min(1) @Max(1000) int times) {
    }

    public SimulatorResource(CurrentHost current, HostPower power) {
        this.current = current;
        this.power = power;
    }

    /** Powers a shut-down simulated host on again (its heartbeats resume); an on host stays on. */
    @POST
    @Path("/power-on")
    public Response powerOn() {
        simulated();
        power.powerOn(current.host());
        return Response.noContent().build();
    }

    @POST
    @Path("/domains/{vmId}/guest-action")
    public Response guestAction(@PathParam("vmId") String vmId, @NotNull @Valid GuestAction body) {
        simulated().guestShutdown(DomainResource.uuid(vmId), ShutdownReason.fromWireName(body.action()));
        return Response.noContent().build();
    }

    @PUT
    @Path("/domains/{vmId}/guest-behaviour")
    public Response behaviour(@PathParam("vmId") String vmId, @NotNull @Valid Behaviour body) {
        GuestBehaviour behaviour = body.obeys() ? new GuestBehaviour(true, Duration.ofMillis(body.reactionMillis()))
                : GuestBehaviour.IGNORES_REQUESTS;
        simulated().setGuestBehaviour(DomainResource.uuid(vmId), behaviour);
        return Response.noContent().build();
    }

    /**
     * The simulated host loses power and comes back at once, empty: every domain ends and nobody
     * is told, as on a real host's reset. (Stopping or restarting the daemon leaves the domains running.)
     */
    @POST
    @Path("/power-off")
    public Response powerOff() {
        simulated().powerOff();
        current.host().domains().reconcile();
        return Response.noContent().build();
    }

    @POST
    @Path("/failures")
    public Response fail(@NotNull @Valid Failure body) {
        DriverOperation operation;
        XenError error;
        try {
            operation = DriverOperation.fromConfigName(body.operation());
            error = XenError.fromName(body.error());
        } catch (IllegalArgumentException e) {
            throw new DaemonException(WireError.INVALID_FIELD,
                    Map.of("field", "operation/error", "reason", "unknown operation or libxl error"), null);
        }
        simulated().failures().failNext(operation, error, body.times());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/failures")
    public Response clearFailures() {
        simulated().failures().clear();
        return Response.noContent().build();
    }

    private SimulatedHost simulated() {
        if (current.host().driver() instanceof SimulatedHost host) {
            return host;
        }
        throw new DaemonException(WireError.NOT_FOUND, Map.of(), "this host is not simulated");
    }
}
