package org.xenplane.xenapi.wire;

import java.util.List;

/**
 * One decoded call, whatever its transport: the method name, its parameters as XenAPI values
 * (String, Long, Double, Boolean, {@link XenDate}, List, Map) and, for JSON-RPC, the call's id
 * and version.
 */
public record RpcCall(String method, List<Object> params, Object id, String jsonRpcVersion) {
    public RpcCall {
        params = List.copyOf(params);
    }
}
