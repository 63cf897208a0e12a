package org.xenplane.core.security;

import java.util.Arrays;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * Why a request was not authenticated, told apart only as far as helps a client without helping
 * an attacker: an unknown token reads the same as a revoked or expired one, and an unknown user the
 * same as a wrong password. Each kind has its code (XenAPI's {@code SESSION_AUTHENTICATION_FAILED}
 * or {@code SESSION_INVALID}), its {@code reason} parameter, and its RFC 6750 {@code WWW-Authenticate}
 * challenge.
 */
public enum AuthenticationFailure {
    MISSING_CREDENTIALS(ErrorCode.SESSION_AUTHENTICATION_FAILED, "no credentials were sent", null),
    MALFORMED_AUTHORIZATION(ErrorCode.SESSION_AUTHENTICATION_FAILED,
            "the Authorization header is not 'Bearer <token>'", "invalid_request"),
    INVALID_TOKEN(ErrorCode.SESSION_INVALID, "the token is unknown, revoked (logged out) or expired", "invalid_token"),
    WRONG_CREDENTIALS(ErrorCode.SESSION_AUTHENTICATION_FAILED, "wrong user name or password", null);

    public static final String REALM = "xenplane";

    private final ErrorCode code;
    private final String reason;
    private final String bearerError;

    AuthenticationFailure(ErrorCode code, String reason, String bearerError) {
        this.code = code;
        this.reason = reason;
        this.bearerError = bearerError;
    }

    public XenplaneException exception() {
        return new XenplaneException(code, reason);
    }

    /** The {@code WWW-Authenticate} value, e.g. {@code Bearer realm="xenplane", error="invalid_token", ...}. */
    public String challenge() {
        if (bearerError == null) {
            return "Bearer realm=\"" + REALM + "\"";
        }
        return "Bearer realm=\"" + REALM + "\", error=\"" + bearerError + "\", error_description=\""
                + reason.replace("\"", "'") + "\"";
    }

    /** The challenge for any 401: the failure's own when it is one of these, else the plain one. */
    public static String challengeFor(XenplaneException e) {
        String reason = e.parameters().get("reason");
        return Arrays.stream(values()).filter(f -> f.code == e.code() && f.reason.equals(reason))
                .findFirst().orElse(MISSING_CREDENTIALS).challenge();
    }
}
