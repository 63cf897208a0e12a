package org.xenplane.core.security;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.Problem;

/** Holds every problem an endpoint answers to its operation's declaration ({@link UndeclaredErrors}). */
public class DeclaredErrorsFilter {
    private final OperationCatalog catalog;
    private final UndeclaredErrors undeclared;

    public DeclaredErrorsFilter(OperationCatalog catalog, UndeclaredErrors undeclared) {
        this.catalog = catalog;
        this.undeclared = undeclared;
    }

    @ServerResponseFilter
    public void check(ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Authorized authorized = method == null ? null : method.getAnnotation(Authorized.class);
        if (authorized != null && response.getEntity() instanceof Problem problem) {
            catalog.find(authorized.value()).ifPresent(op -> undeclared.answered(op, ErrorCode.valueOf(problem.code())));
        }
    }
}
