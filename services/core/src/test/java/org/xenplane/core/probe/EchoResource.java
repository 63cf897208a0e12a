package org.xenplane.core.probe;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.xenplane.core.security.Authorized;

/** Test-only: answers the JSON body it reads, to check how bad bodies are reported. */
@Path("/api/v1/probes/echo")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EchoResource {

    /** A body with an id, a number, a string, a boolean and a map. */
    public record Body(UUID host, Integer count, String label, Boolean enabled, java.util.Map<String, String> tags) {
    }

    @POST
    @Authorized("probe.echo")
    public Body echo(@NotNull @Valid Body body) {
        return body;
    }
}
