package org.xenplane.daemon.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.xenplane.daemon.protocol.WireError;

/**
 * The body of every error answer: RFC 7807 {@code application/problem+json} with the stable
 * {@code code} and its {@code parameters}, shaped like the control plane's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DaemonProblem(String type, String title, int status, String detail, String code,
                            Map<String, String> parameters) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static DaemonProblem of(DaemonException e) {
        WireError error = e.error();
        return new DaemonProblem("urn:xenplane:error:" + error.name(), error.title(), error.status(),
                e.getMessage(), error.name(), e.parameters());
    }

    /** The HTTP answer for a refusal; a 401 also says which scheme to use. */
    public static Response response(DaemonException e) {
        Response.ResponseBuilder answer = Response.status(e.error().status()).type(MEDIA_TYPE).entity(of(e));
        if (e.error() == WireError.SESSION_AUTHENTICATION_FAILED) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"xenplane-daemon\"");
        }
        return answer.build();
    }
}
