package org.xenplane.xenapi.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.xenplane.core.security.Authorized;
import org.xenplane.core.security.CurrentCaller;
import org.xenplane.xenapi.service.ClientAddress;

/**
 * XenAPI on the wire: JSON-RPC 1.0 and 2.0 at {@code POST /jsonrpc}, XML-RPC at {@code POST /RPC2}
 * (and at {@code POST /}, served by {@link XmlRpcAtRoot} so that nothing here claims {@code GET /},
 * the web console's). Every answer is 200 with a XenAPI success or failure, as XAPI answers.
 */
@Path("/")
@Tag(name = "xenapi")
public class XenApiResource {
    static final String JSON = "application/json";
    static final String XML = "text/xml";

    private final XmlRpcCalls calls;
    private final CurrentCaller caller;

    public XenApiResource(XmlRpcCalls calls, CurrentCaller caller) {
        this.calls = calls;
        this.caller = caller;
    }

    @POST
    @Path("jsonrpc")
    @Consumes("*/*")
    @Authorized("xenapi.call")
    @Operation(summary = "XenAPI over JSON-RPC 1.0 or 2.0", description = "See docs/xenapi.md.")
    @APIResponse(responseCode = "200", description = "A JSON-RPC answer: a result or a XenAPI error description")
    public Response jsonRpc(byte[] body) {
        return Response.ok(ClientAddress.during(caller.sourceAddress(), () -> calls.json(body))).header("Content-Type", JSON).build();
    }

    @POST
    @Path("RPC2")
    @Consumes("*/*")
    @Authorized("xenapi.call")
    @Operation(summary = "XenAPI over XML-RPC (also at POST /)", description = "See docs/xenapi.md.")
    @APIResponse(responseCode = "200", description = "An XML-RPC methodResponse: {Status, Value} or {Status, ErrorDescription}")
    public Response xmlRpc(byte[] body) {
        return Response.ok(ClientAddress.during(caller.sourceAddress(), () -> calls.xml(body))).header("Content-Type", XML).build();
    }
}
