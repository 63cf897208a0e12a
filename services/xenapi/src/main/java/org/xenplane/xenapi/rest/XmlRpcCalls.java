package org.xenplane.xenapi.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.xenplane.xenapi.service.Dispatcher;
import org.xenplane.xenapi.wire.JsonRpc;
import org.xenplane.xenapi.wire.RpcCall;
import org.xenplane.xenapi.wire.XenApiFailure;
import org.xenplane.xenapi.wire.XmlRpcReader;
import org.xenplane.xenapi.wire.XmlRpcWriter;

/**
 * One call's bytes in, its answer's bytes out, for each transport: decode, dispatch, encode. A
 * call that cannot be decoded or fails in any way is answered as a XenAPI failure; an unexpected
 * exception is logged here and answered INTERNAL_ERROR with no detail.
 */
@ApplicationScoped
public class XmlRpcCalls {
    private static final Logger LOG = Logger.getLogger(XmlRpcCalls.class);

    private final Dispatcher dispatcher;

    public XmlRpcCalls(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public byte[] xml(byte[] body) {
        RpcCall call;
        try {
            call = XmlRpcReader.read(body);
        } catch (XenApiFailure f) {
            return XmlRpcWriter.failure(f.description());
        }
        return run(call, XmlRpcWriter::success, f -> XmlRpcWriter.failure(f.description()));
    }

    public byte[] json(byte[] body) {
        RpcCall call;
        try {
            call = JsonRpc.read(body);
        } catch (XenApiFailure f) {
            return JsonRpc.failure(JsonRpc.versionOf(body), JsonRpc.idOf(body), f.description());
        }
        return run(call, value -> JsonRpc.success(call, value),
                f -> JsonRpc.failure(call.jsonRpcVersion(), call.id(), f.description()));
    }

    private byte[] run(RpcCall call, Function<Object, byte[]> success, Function<XenApiFailure, byte[]> failure) {
        try {
            return success.apply(dispatcher.dispatch(call));
        } catch (XenApiFailure f) {
            return failure.apply(f);
        } catch (RuntimeException e) {
            LOG.errorf(e, "XenAPI %s failed", call.method());
            return failure.apply(new XenApiFailure("INTERNAL_ERROR", "an internal error; see the server's log"));
        }
    }
}
