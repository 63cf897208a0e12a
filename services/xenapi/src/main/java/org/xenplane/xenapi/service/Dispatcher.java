package org.xenplane.xenapi.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.xenplane.core.security.CallerKind;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog;
import org.xenplane.xenapi.wire.RpcCall;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * Runs one decoded call, whatever its transport: finds the message (MESSAGE_METHOD_UNKNOWN),
 * checks its arity (MESSAGE_PARAMETER_COUNT_MISMATCH), resolves the session (SESSION_INVALID),
 * checks the caller's role against the message's declared operation (RBAC_PERMISSION_DENIED) and
 * calls the message, whose REST call is authorized again by the same declaration.
 */
@ApplicationScoped
public class Dispatcher {
    private final MessageRegistry registry;
    private final Sessions sessions;
    private final OperationCatalog catalog;

    public Dispatcher(MessageRegistry registry, Sessions sessions, OperationCatalog catalog) {
        this.registry = registry;
        this.sessions = sessions;
        this.catalog = catalog;
    }

    public Object dispatch(RpcCall call) {
        if (call.method().equals("system.listMethods")) {
            return registry.names();
        }
        Message message = registry.find(call.method())
                .orElseThrow(() -> new XenApiFailure("MESSAGE_METHOD_UNKNOWN", call.method()));
        List<Object> params = call.params();
        if (!message.accepts(params.size())) {
            throw new XenApiFailure("MESSAGE_PARAMETER_COUNT_MISMATCH", call.method(), message.arity(), params.size());
        }
        if (!message.takesSession()) {
            return message.handler().call(null, padded(params, message.arity()));
        }
        Session session = sessions.resolve(params.get(0));
        authorize(message, session);
        return message.handler().call(session, padded(params.subList(1, params.size()), message.parameters().size()));
    }

    private void authorize(Message message, Session session) {
        DeclaredOperation operation = catalog.find(message.operation()).orElseThrow();
        if (operation.caller() == CallerKind.USER && !session.role().includes(operation.minimumRole())) {
            throw new XenApiFailure("RBAC_PERMISSION_DENIED", operation.id(),
                    "needs the role " + operation.minimumRole().wireName());
        }
    }

    private static List<Object> padded(List<Object> params, int size) {
        if (params.size() == size) {
            return params;
        }
        List<Object> all = new java.util.ArrayList<>(params);
        while (all.size() < size) {
            all.add("");
        }
        return all;
    }
}
