package org.xenplane.core.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The body of every error response: RFC 7807 {@code application/problem+json} extended with the
 * stable {@code code} and its named {@code parameters}. The title and the detail sentence (what went
 * wrong and what to do) are written for people; programs match on {@code code}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code,
                      Map<String, String> parameters) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(XenplaneException e) {
        ErrorCode code = e.code();
        return new Problem("urn:xenplane:error:" + code.name(), code.title(), code.httpStatus(),
                code.detail(e.parameters()), code.name(), e.parameters());
    }
}
