package org.xenplane.core.error;

import jakarta.ws.rs.core.Response;

/** Builds the HTTP response for a failure. */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static Response of(XenplaneException e) {
        return Response.status(e.code().httpStatus())
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(e))
                .build();
    }

    public static Response of(ErrorCode code, Object... values) {
        return of(new XenplaneException(code, values));
    }
}
