package org.xenplane.xenapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code session.*}: login, logout, the session's host and record. */
@ApplicationScoped
public class SessionMessages implements Message.Source {
    private final Sessions sessions;
    private final RestApi api;

    public SessionMessages(Sessions sessions, RestApi api) {
        this.sessions = sessions;
        this.api = api;
    }

    @Override
    public List<Message> messages() {
        return List.of(
                new Message("session.login_with_password", List.of("uname", "pwd", "version", "originator"), 2, null,
                        (s, a) -> sessions.login(a.get(0).toString(), a.get(1).toString())),
                new Message("session.logout", List.of(), "session.logout", (s, a) -> {
                    sessions.logout(s);
                    return "";
                }),
                new Message("session.get_this_host", List.of("self"), "host.read", (s, a) -> thisHost(s)),
                new Message("session.get_this_user", List.of("self"), "session.read", (s, a) -> Refs.NULL),
                new Message("session.get_uuid", List.of("self"), "session.read", (s, a) -> self(s, a).id().toString()),
                new Message("session.get_record", List.of("self"), "session.read", (s, a) -> record(self(s, a))));
    }

    private static Session self(Session s, List<Object> a) {
        if (!s.ref().equals(a.get(0))) {
            throw new org.xenplane.xenapi.wire.XenApiFailure("HANDLE_INVALID", "session", a.get(0));
        }
        return s;
    }

    /** The pool's first host, as XAPI answers its master; OpaqueRef:NULL while no host has joined. */
    private String thisHost(Session s) {
        JsonNode hosts = api.get(s.token(), "/api/v1/hosts");
        for (JsonNode host : hosts) {
            return Refs.of("host", UUID.fromString(host.get("id").asText()));
        }
        return Refs.NULL;
    }

    private static Map<String, Object> record(Session s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", s.id().toString());
        r.put("this_host", Refs.NULL);
        r.put("this_user", Refs.NULL);
        r.put("is_local_superuser", false);
        r.put("subject", Refs.NULL);
        r.put("auth_user_name", s.username());
        r.put("rbac_permissions", List.of());
        r.put("other_config", Map.of());
        return r;
    }
}
