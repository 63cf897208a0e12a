package org.xenplane.core.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.time.Instant;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.xenplane.core.error.Problem;

/**
 * Records every call of a mutating operation, allowed or refused, in the audit log: who, from
 * where, the operation, its target (the path's id) and the outcome with its error code.
 */
public class AuditRecorder {
    private final OperationCatalog catalog;
    private final CurrentCaller caller;
    private final AuditLog log;

    public AuditRecorder(OperationCatalog catalog, CurrentCaller caller, AuditLog log) {
        this.catalog = catalog;
        this.caller = caller;
        this.log = log;
    }

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Optional<DeclaredOperation> operation = declared(resource);
        if (operation.isEmpty() || !operation.get().mutating()) {
            return;
        }
        int status = response.getStatus();
        String errorCode = response.getEntity() instanceof Problem p ? p.code() : null;
        String target = request.getUriInfo().getPathParameters().getFirst("id");
        Caller who = caller.get();
        log.record(new AuditEntry(Instant.now(), caller.auditSubject(), who.kind(), caller.sourceAddress(),
                operation.get().id(), target, status < 400, status, errorCode));
    }

    private Optional<DeclaredOperation> declared(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return Optional.empty();
        }
        Authorized authorized = resource.getResourceMethod().getAnnotation(Authorized.class);
        return authorized == null ? Optional.empty() : catalog.find(authorized.value());
    }
}
