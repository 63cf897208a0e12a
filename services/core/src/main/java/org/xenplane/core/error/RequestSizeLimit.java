package org.xenplane.core.error;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body larger than {@code xenplane.api.max-body-bytes} with a 413 problem before it
 * is read, and a body without a {@code Content-Length} (chunked) with a 411 problem, so that no
 * JSON body of unknown size is read into memory. Endpoints marked {@link StreamedBody} (disk
 * image uploads) are exempt from the size limit: they stream their body and check its size
 * against what they write. Vert.x's {@code quarkus.http.limits.max-body-size} is the ceiling
 * for those uploads.
 */
public class RequestSizeLimit {
    private final long maxBodyBytes;

    public RequestSizeLimit(@ConfigProperty(name = "xenplane.api.max-body-bytes", defaultValue = "1048576") long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public Response limit(ContainerRequestContext request, ResourceInfo resource) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
            return chunked ? ProblemResponses.of(ErrorCode.LENGTH_REQUIRED) : null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return ProblemResponses.of(ErrorCode.INVALID_PARAMETER, "Content-Length", "not a number");
        }
        if (bytes > maxBodyBytes && !streamed(resource.getResourceMethod())) {
            return ProblemResponses.of(ErrorCode.REQUEST_TOO_LARGE, maxBodyBytes);
        }
        return null;
    }

    private static boolean streamed(Method method) {
        return method != null && method.isAnnotationPresent(StreamedBody.class);
    }
}
