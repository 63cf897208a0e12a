package org.xenplane.core.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body larger than {@code xenplane.api.max-body-bytes} with a 413 problem before it
 * is read. (Vert.x's own {@code quarkus.http.limits.max-body-size} stays as a backstop for
 * chunked bodies.) Endpoints that take large uploads raise their own limit.
 */
public class RequestSizeLimit {
    private final long maxBodyBytes;

    public RequestSizeLimit(@ConfigProperty(name = "xenplane.api.max-body-bytes", defaultValue = "1048576") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return ProblemResponses.of(ErrorCode.INVALID_PARAMETER, "Content-Length", "not a number");
        }
        return bytes > maxBodyBytes ? ProblemResponses.of(ErrorCode.REQUEST_TOO_LARGE, maxBodyBytes) : null;
    }
}
