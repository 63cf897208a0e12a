package org.xenplane.core.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
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
    public void limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            request.abortWith(ProblemResponses.of(ErrorCode.INVALID_PARAMETER, "Content-Length", "not a number"));
            return;
        }
        if (bytes > maxBodyBytes) {
            request.abortWith(ProblemResponses.of(ErrorCode.REQUEST_TOO_LARGE, maxBodyBytes));
        }
    }
}
