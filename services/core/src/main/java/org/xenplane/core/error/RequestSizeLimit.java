package org.xenplane.core.error;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.xenplane.core.config.CoreConfig;

/**
 * Refuses a body larger than {@code xenplane.api.max-body-bytes} with a 413 problem before it
 * is read, and a body without a {@code Content-Length} (chunked, or an HTTP/2 body of unknown
 * length) with a 411 problem, so that no JSON body of unknown size is read into memory. An HTTP/1.1
 * request with neither {@code Content-Length} nor {@code Transfer-Encoding} has an empty body (RFC 9112
 * section 6.3), whatever its {@code Content-Type} says: {@code curl -X POST} sends such requests. Endpoints marked {@link StreamedBody} (disk
 * image uploads) are exempt from the size limit: they stream their body and check its size
 * against what they write. Vert.x's {@code quarkus.http.limits.max-body-size} is the ceiling
 * for those uploads.
 */
public class RequestSizeLimit {
    private final long maxBodyBytes;

    public RequestSizeLimit(CoreConfig.Api config) {
        this.maxBodyBytes = config.maxBodyBytes();
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public Response limit(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            // HTTP/1.1 says so with Transfer-Encoding; HTTP/2 has none: a typed body to an endpoint that reads one.
            boolean bodyOfUnknownSize = request.getHeaderString("Transfer-Encoding") != null
                    || (http.version() == HttpVersion.HTTP_2 && request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null
                        && readsEntity(resource.getResourceMethod()));
            return bodyOfUnknownSize ? ProblemResponses.of(ErrorCode.LENGTH_REQUIRED) : null;
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

    /** Whether the endpoint takes the request body as a parameter (one without a JAX-RS annotation). */
    static boolean readsEntity(Method method) {
        if (method == null) {
            return false;
        }
        for (Parameter parameter : method.getParameters()) {
            boolean fromRequestParts = false;
            for (Annotation a : parameter.getAnnotations()) {
                String pkg = a.annotationType().getPackageName();
                fromRequestParts |= pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive");
            }
            if (!fromRequestParts) {
                return true;
            }
        }
        return false;
    }

    private static boolean streamed(Method method) {
        return method != null && method.isAnnotationPresent(StreamedBody.class);
    }
}
