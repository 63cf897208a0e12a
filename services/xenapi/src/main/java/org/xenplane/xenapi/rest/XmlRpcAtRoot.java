package org.xenplane.xenapi.rest;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.xenplane.core.config.CoreConfig;
import org.xenplane.xenapi.service.ClientAddress;

/**
 * XML-RPC at {@code POST /}, where XAPI's clients (the Citrix SDKs, XenCenter) send it. A Vert.x
 * route for POST alone: a JAX-RS resource at {@code /} would answer {@code GET /} with 405 and
 * hide the web console's page. The body is bounded by {@code xenplane.api.max-body-bytes} (413
 * beyond it), like every JSON body; the call runs on a worker thread.
 */
@ApplicationScoped
public class XmlRpcAtRoot {
    private final XmlRpcCalls calls;
    private final long maxBodyBytes;

    public XmlRpcAtRoot(XmlRpcCalls calls, CoreConfig.Api config) {
        this.calls = calls;
        this.maxBodyBytes = config.maxBodyBytes();
    }

    void route(@Observes Router router) {
        router.post("/").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                .blockingHandler(ctx -> {
                    byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
                    String client = ctx.request().remoteAddress() == null ? null : ctx.request().remoteAddress().hostAddress();
                    byte[] answer = ClientAddress.during(client, () -> calls.xml(body));
                    ctx.response().putHeader("Content-Type", XenApiResource.XML).end(Buffer.buffer(answer));
                }, false);
    }
}
