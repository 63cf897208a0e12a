package org.xenplane.core.error;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, before anything else reads them: a query or path parameter (name or value) with a NUL or
 * another control character, or a lone UTF-16 surrogate (400 {@code INVALID_PARAMETER} naming it); a
 * JSON body whose {@code Content-Type} names a charset other than UTF-8 (JSON is UTF-8, RFC 8259), and a
 * body sent without any {@code Content-Type} (415 {@code UNSUPPORTED_MEDIA_TYPE}).
 */
public class StrictRequests {

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 90)
    public Response check(ContainerRequestContext request, ResourceInfo resource) {
        Response bad = parameters(request.getUriInfo().getQueryParameters(true));
        if (bad == null) {
            bad = parameters(request.getUriInfo().getPathParameters(true));
        }
        return bad != null ? bad : contentType(request, resource);
    }

    private static Response parameters(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String problem = TextChecks.parameterProblem(name);
            if (problem != null) {
                return ProblemResponses.of(ErrorCode.INVALID_PARAMETER, printable(name), "its name " + problem);
            }
            for (String value : parameter.getValue()) {
                problem = value == null ? null : TextChecks.parameterProblem(value);
                if (problem != null) {
                    return ProblemResponses.of(ErrorCode.INVALID_PARAMETER, name, problem);
                }
            }
        }
        return null;
    }

    private static Response contentType(ContainerRequestContext request, ResourceInfo resource) {
        if (!hasBody(request)) {
            return null; // a Content-Type on a request without a body says nothing
        }
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (header == null) {
            return RequestSizeLimit.readsEntity(resource.getResourceMethod())
                    ? ProblemResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "(none)") : null;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            return ProblemResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, printable(header));
        }
        boolean json = type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json");
        if (!json) {
            return null;
        }
        for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
            if (parameter.getKey().equalsIgnoreCase("charset")) {
                String charset = parameter.getValue().replace("\"", "").trim();
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    return ProblemResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, printable(header));
                }
            }
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.trim()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The text with its control characters shown as {@code U+XXXX}, safe to echo in a problem. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f || Character.isSurrogate((char) c)) {
                out.append(String.format("U+%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
