package org.xenplane.xenapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.xenplane.xenapi.wire.XenApiFailure;

/** Reads one class's REST views, completed with what its records need; the one way every message reads a class. */
public final class ClassReader {
    private final XenClass.Declaration declaration;
    private final XenClass xenClass;
    private final RestApi api;

    ClassReader(XenClass.Declaration declaration, RestApi api) {
        this.declaration = declaration;
        this.xenClass = declaration.xenClass();
        this.api = api;
    }

    public XenClass xenClass() {
        return xenClass;
    }

    /** The class's setters, when its REST resource takes a PATCH. */
    public java.util.Optional<Setters.Settable> settable() {
        return declaration instanceof Setters.Settable s ? java.util.Optional.of(s) : java.util.Optional.empty();
    }

    public List<JsonNode> list(Session s) {
        JsonNode answer = api.get(s.token(), xenClass.restPath());
        List<JsonNode> views = new ArrayList<>();
        if (xenClass.singleton()) {
            views.add(complete(s, answer));
        } else {
            answer.forEach(v -> views.add(complete(s, v)));
        }
        return views;
    }

    public JsonNode get(Session s, Object ref) {
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

    public JsonNode byUuid(Session s, Object uuid) {
        try {
            return get(s, Refs.of(xenClass.name(), UUID.fromString(String.valueOf(uuid))));
        } catch (IllegalArgumentException | XenApiFailure notFound) {
            throw new XenApiFailure("UUID_INVALID", xenClass.name(), uuid);
        }
    }

    public String ref(JsonNode view) {
        return Refs.of(xenClass.name(), UUID.fromString(view.path("id").asText()));
    }

    private JsonNode complete(Session s, JsonNode view) {
        return declaration.complete(view, path -> api.get(s.token(), path));
    }
}
