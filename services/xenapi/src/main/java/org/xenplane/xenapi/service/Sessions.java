package org.xenplane.xenapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.xenplane.core.security.Role;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * XenAPI sessions are the identity service's login sessions: {@code login_with_password} logs in
 * through {@code POST /api/v1/session} (same users, passwords, roles and throttling as REST), and
 * the session reference carries the session's secret, as XAPI's does. A reference is accepted only
 * for a login session: an API token is not a XenAPI session.
 */
@ApplicationScoped
public class Sessions {
    private final RestApi api;

    public Sessions(RestApi api) {
        this.api = api;
    }

    public String login(String username, String password) {
        try {
            JsonNode session = api.post(null, "/api/v1/session", Map.of("username", username, "password", password)).body();
            return Refs.PREFIX + session.get("token").asText();
        } catch (XenApiFailure f) {
            if (f.code().equals("SESSION_AUTHENTICATION_FAILED") || f.code().equals("INVALID_FIELD")) {
                throw new XenApiFailure("SESSION_AUTHENTICATION_FAILED", username, "Authentication failure");
            }
            throw f;
        }
    }

    /** The session {@code ref} names, or SESSION_INVALID [ref]. */
    public Session resolve(Object ref) {
        String text = ref instanceof String s ? s : String.valueOf(ref);
        if (!text.startsWith(Refs.PREFIX) || text.equals(Refs.NULL)) {
            throw new XenApiFailure("SESSION_INVALID", text);
        }
        String token = text.substring(Refs.PREFIX.length());
        JsonNode view;
        try {
            view = api.get(token, "/api/v1/session");
        } catch (XenApiFailure f) {
            if (f.code().startsWith("SESSION_")) {
                throw new XenApiFailure("SESSION_INVALID", text);
            }
            throw f;
        }
        if (view.path("idleTimeoutSeconds").asLong() <= 0) {
            throw new XenApiFailure("SESSION_INVALID", text); // an API token: only login sessions are XenAPI sessions
        }
        return new Session(text, token, UUID.fromString(view.get("id").asText()), view.get("username").asText(),
                Role.fromWireName(view.get("role").asText()));
    }

    public void logout(Session session) {
        api.delete(session.token(), "/api/v1/session");
    }
}
