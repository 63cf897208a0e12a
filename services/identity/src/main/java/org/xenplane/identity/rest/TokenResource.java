package org.xenplane.identity.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.rest.Ids;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.identity.api.TokenCreate;
import org.xenplane.identity.api.TokenView;
import org.xenplane.identity.service.TokenService;

/** {@code /api/v1/tokens}: API tokens for automation. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tokens")
public class TokenResource {
    private final TokenService tokens;
    private final CurrentCaller caller;

    public TokenResource(TokenService tokens, CurrentCaller caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Authorized("token.create")
    @Operation(summary = "Create an API token", description = "With a role no higher than the caller's. The secret is"
            + " in this answer only.")
    @APIResponse(responseCode = "201", description = "The token, with its secret")
    public Response create(@NotNull @Valid TokenCreate request) {
        return Response.status(Response.Status.CREATED).entity(tokens.create(caller.get(), request)).build();
    }

    @GET
    @Authorized("token.read")
    @Operation(summary = "List API tokens", description = "The caller's own; a pool-admin sees everyone's. Never secrets.")
    @APIResponse(responseCode = "200", description = "The tokens")
    public List<TokenView> list() {
        return tokens.list(caller.get());
    }

    @DELETE
    @Path("/{id}")
    @Authorized("token.revoke")
    @Operation(summary = "Revoke an API token", description = "The caller's own; a pool-admin may revoke anyone's.")
    @APIResponse(responseCode = "204", description = "Revoked, on every replica within seconds")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(caller.get(), Ids.parse("token", id));
        return Response.noContent().build();
    }
}
