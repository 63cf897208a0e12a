package org.xenplane.xenapi.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.xenplane.core.security.Authorized;
import org.xenplane.xenapi.service.Dispatcher;
import org.xenplane.xenapi.wire.JsonRpc;
import org.xenplane.xenapi.wire.RpcCall;
import org.xenplane.xenapi.wire.XenApiFailure;
import org.xenplane.xenapi.wire.XmlRpcReader;
import org.xenplane.xenapi.wire.XmlRpcWriter;

/**
 * XenAPI on the wire: JSON-RPC 1.0 and 2.0 at {@code POST /jsonrpc}, XML-RPC at {@code POST /}
 * and {@code POST /RPC2}. Every answer is 200 with a XenAPI success or failure, as XAPI answers;
 * nothing here answers GET (the web console owns {@code GET /}).
 */
@Path("/")
@Tag(name = "xenapi")
public class XenApiResource {
    private static final Logger LOG = Logger.getLogger(XenApiResource.class);
    static final String JSON = "application/json";
    static final String XML = "text/xml";

    private final Dispatcher dispatcher;

    public XenApiResource(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @POST
    @Path("jsonrpc")
    @Consumes("*/*")
    @Authorized("xenapi.call")
    @Operation(summary = "XenAPI over JSON-RPC 1.0 or 2.0", description = "See docs/xenapi.md.")
    @APIResponse(responseCode = "200", description = "A JSON-RPC answer: a result or a XenAPI error description")
    public Response jsonRpc(byte[] body) {
        RpcCall call;
        try {
            call = JsonRpc.read(body);
        } catch (XenApiFailure f) {
            String version = body.length > 0 && new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("\"2.0\"") ? "2.0" : "1.0";
            return answer(JsonRpc.failure(version, JsonRpc.idOf(body), f.description()), JSON);
        }
        RpcCall decoded = call;
        return run(call, value -> JsonRpc.success(decoded, value),
                f -> JsonRpc.failure(decoded.jsonRpcVersion(), decoded.id(), f.description()), JSON);
    }

    @POST
    @Consumes("*/*")
    @Authorized("xenapi.call")
    @Operation(summary = "XenAPI over XML-RPC", description = "See docs/xenapi.md.")
    @APIResponse(responseCode = "200", description = "An XML-RPC methodResponse: {Status, Value} or {Status, ErrorDescription}")
    public Response xmlRpc(byte[] body) {
        return xml(body);
    }

    @POST
    @Path("RPC2")
    @Consumes("*/*")
    @Authorized("xenapi.call")
    @Operation(summary = "XenAPI over XML-RPC (the path some clients use)", description = "See docs/xenapi.md.")
    @APIResponse(responseCode = "200", description = "An XML-RPC methodResponse: {Status, Value} or {Status, ErrorDescription}")
    public Response xmlRpc2(byte[] body) {
        return xml(body);
    }

    private Response xml(byte[] body) {
        RpcCall call;
        try {
            call = XmlRpcReader.read(body);
        } catch (XenApiFailure f) {
            return answer(XmlRpcWriter.failure(f.description()), XML);
        }
        return run(call, XmlRpcWriter::success, f -> XmlRpcWriter.failure(f.description()), XML);
    }

    private Response run(RpcCall call, Function<Object, byte[]> success, Function<XenApiFailure, byte[]> failure, String type) {
        try {
            return answer(success.apply(dispatcher.dispatch(call)), type);
        } catch (XenApiFailure f) {
            return answer(failure.apply(f), type);
        } catch (RuntimeException e) {
            LOG.errorf(e, "XenAPI %s failed", call.method());
            return answer(failure.apply(new XenApiFailure("INTERNAL_ERROR", "an internal error; see the server's log")), type);
        }
    }

    private static Response answer(byte[] body, String type) {
        return Response.ok(body).header("Content-Type", type).build();
    }
}
