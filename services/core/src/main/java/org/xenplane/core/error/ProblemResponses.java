package org.xenplane.core.error;

import jakarta.ws.rs.core.Response;

/** Builds the HTTP response for a failure. */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static Response of(XenplaneException e) {
        Response.ResponseBuilder response = Response.status(e.code().httpStatus())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(e));
        String retryAfter = e.parameters().get("retry_after_seconds");
        if (retryAfter != null) {
            response.header("Retry-After", retryAfter);
        }
        return response.build();
    }

    public static Response of(ErrorCode code, Object... values) {
        return of(new XenplaneException(code, values));
    }
}
