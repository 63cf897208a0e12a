package org.xenplane.xenapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * The read messages every class has, generated from its field table: {@code get_all},
 * {@code get_all_records}, {@code get_record}, {@code get_by_uuid}, {@code get_by_name_label}
 * (where the class has a name) and one {@code get_<field>} per field. All are authorized by the
 * class's read operation, the REST list's and get's own.
 */
@ApplicationScoped
public class ClassMessages implements Message.Source {
    private final List<XenClass.Declaration> declarations;
    private final RestApi api;

    public ClassMessages(@All List<XenClass.Declaration> declarations, RestApi api) {
        this.declarations = declarations;
        this.api = api;
    }

    @Override
    public List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        for (XenClass.Declaration declaration : declarations) {
            messages.addAll(of(new Reader(declaration)));
        }
        return messages;
    }

    private List<Message> of(Reader r) {
        XenClass c = r.xenClass;
        String op = c.readOperation();
        String n = c.name() + ".";
        List<Message> m = new ArrayList<>();
        m.add(new Message(n + "get_all", List.of(), op, (s, a) -> r.list(s).stream().map(r::ref).toList()));
        m.add(new Message(n + "get_all_records", List.of(), op, (s, a) -> {
            Map<String, Object> all = new LinkedHashMap<>();
            r.list(s).forEach(v -> all.put(r.ref(v), c.record(v)));
            return all;
        }));
        m.add(new Message(n + "get_record", List.of("self"), op, (s, a) -> c.record(r.get(s, a.get(0)))));
        m.add(new Message(n + "get_by_uuid", List.of("uuid"), op, (s, a) -> r.ref(r.byUuid(s, a.get(0)))));
        if (c.nameField() != null) {
            m.add(new Message(n + "get_by_name_label", List.of("label"), op, (s, a) -> r.list(s).stream()
                    .filter(v -> v.path(c.nameField()).asText().equals(a.get(0))).map(r::ref).toList()));
        }
        for (String field : c.fields().keySet()) {
            m.add(new Message(n + "get_" + field, List.of("self"), op,
                    (s, a) -> c.fields().get(field).apply(r.get(s, a.get(0)))));
        }
        return m;
    }

    /** Reads one class's REST views, completed with what its records need. */
    private final class Reader {
        final XenClass.Declaration declaration;
        final XenClass xenClass;

        Reader(XenClass.Declaration declaration) {
            this.declaration = declaration;
            this.xenClass = declaration.xenClass();
        }

        List<JsonNode> list(Session s) {
            JsonNode answer = api.get(s.token(), xenClass.restPath());
            List<JsonNode> views = new ArrayList<>();
            if (xenClass.singleton()) {
                views.add(complete(s, answer));
            } else {
                answer.forEach(v -> views.add(complete(s, v)));
            }
            return views;
        }

        JsonNode get(Session s, Object ref) {
            UUID id = Refs.id(xenClass.name(), ref);
            if (xenClass.singleton()) {
                JsonNode only = list(s).get(0);
                if (!only.path("id").asText().equals(id.toString())) {
                    throw new XenApiFailure("HANDLE_INVALID", xenClass.name(), ref);
                }
                return only;
            }
            return complete(s, api.get(s.token(), xenClass.restPath() + "/" + id));
        }

        JsonNode byUuid(Session s, Object uuid) {
            try {
                return get(s, Refs.of(xenClass.name(), UUID.fromString(String.valueOf(uuid))));
            } catch (IllegalArgumentException | XenApiFailure notFound) {
                throw new XenApiFailure("UUID_INVALID", xenClass.name(), uuid);
            }
        }

        String ref(JsonNode view) {
            return Refs.of(xenClass.name(), UUID.fromString(view.path("id").asText()));
        }

        private JsonNode complete(Session s, JsonNode view) {
            return declaration.complete(view, path -> api.get(s.token(), path));
        }
    }
}
