package org.xenplane.core.security;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.ProblemResponses;

/**
 * Authenticates every API call and checks it against the declaration of the operation the
 * endpoint performs ({@link Authorized}). An endpoint without a declaration is refused, so a
 * forgotten annotation fails closed.
 */
public class AuthorizationFilter {
    private static final Logger LOG = Logger.getLogger(AuthorizationFilter.class);
    private static final String BEARER = "Bearer ";

    private final OperationCatalog catalog;
    private final CredentialVerifier verifier;
    private final CurrentCaller current;

    public AuthorizationFilter(OperationCatalog catalog, CredentialVerifier verifier, CurrentCaller current) {
        this.catalog = catalog;
        this.verifier = verifier;
        this.current = current;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response authorize(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Optional<DeclaredOperation> declared = declaration(resource.getResourceMethod());
        if (declared.isEmpty()) {
            return ProblemResponses.of(ErrorCode.RBAC_PERMISSION_DENIED, "undeclared", "");
        }
        DeclaredOperation operation = declared.get();
        String source = http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress();
        current.set(Caller.anonymous(), source);
        if (operation.caller() == CallerKind.ANONYMOUS) {
            current.set(Caller.anonymous(), source);
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return ProblemResponses.of(AuthenticationFailure.MISSING_CREDENTIALS.exception());
        }
        Optional<String> token = bearer(header);
        if (token.isEmpty()) {
            return ProblemResponses.of(AuthenticationFailure.MALFORMED_AUTHORIZATION.exception());
        }
        Optional<Caller> caller = verifier.verify(token.get());
        if (caller.isEmpty()) {
            return ProblemResponses.of(AuthenticationFailure.INVALID_TOKEN.exception());
        }
        current.set(caller.get(), source);
        return permits(caller.get(), operation) ? null : denied(operation);
    }

    /** The one permission rule: the caller's kind must match, and a user's role must include the minimum. */
    public static boolean permits(Caller caller, DeclaredOperation operation) {
        if (caller.kind() != operation.caller()) {
            return false;
        }
        return caller.kind() != CallerKind.USER || caller.role().includes(operation.minimumRole());
    }

    private static Response denied(DeclaredOperation operation) {
        String required = operation.caller() == CallerKind.USER ? operation.minimumRole().wireName() : "host";
        return ProblemResponses.of(ErrorCode.RBAC_PERMISSION_DENIED, operation.id(), required);
    }

    private Optional<DeclaredOperation> declaration(Method method) {
        Authorized authorized = method == null ? null : method.getAnnotation(Authorized.class);
        if (authorized == null) {
            LOG.errorf("Endpoint %s has no @Authorized declaration; refusing", method);
            return Optional.empty();
        }
        Optional<DeclaredOperation> op = catalog.find(authorized.value());
        if (op.isEmpty()) {
            LOG.errorf("Endpoint %s names undeclared operation %s; refusing", method, authorized.value());
        }
        return op;
    }

    /** The token of {@code Bearer <token>}; empty when the header has another form. */
    private static Optional<String> bearer(String header) {
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() || token.length() > 200 ? Optional.empty() : Optional.of(token);
    }
}
