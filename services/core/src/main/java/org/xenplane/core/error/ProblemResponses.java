package org.xenplane.core.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.xenplane.core.security.AuthenticationFailure;

/** Builds the HTTP response for a failure (with Retry-After on a 429, WWW-Authenticate on a 401). */
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
        if (e.code().httpStatus() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, AuthenticationFailure.challengeFor(e));
        }
        return response.build();
    }

    public static Response of(ErrorCode code, Object... values) {
        return of(new XenplaneException(code, values));
    }
}
