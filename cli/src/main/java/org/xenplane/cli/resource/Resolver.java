package org.xenplane.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;
import org.xenplane.cli.http.ApiClient;

/** Finds objects on the server: lists of a kind, and the one object a name or id designates. */
public final class Resolver {
    private final ApiClient api;

    public Resolver(ApiClient api) {
        this.api = api;
    }

    public List<JsonNode> list(ResourceKind kind) {
        return list(kind, kind.listQuery);
    }

    public List<JsonNode> list(ResourceKind kind, String query) {
        JsonNode body = api.get(kind.path + query).body();
        if (body.isObject()) {
            return List.of(body); // a singleton (the pool)
        }
        List<JsonNode> all = new ArrayList<>();
        body.forEach(all::add);
        return all;
    }

    /** The object named by {@code reference}: an id is fetched directly, a name looked up among all of the kind. */
    public JsonNode find(ResourceKind kind, String reference) {
        if (NameMatcher.isId(reference)) {
            try {
                return api.get(kind.path + "/" + reference).body();
            } catch (CliException e) {
                if (e.exit() != ExitCode.NOT_FOUND) {
                    throw e;
                }
                return NameMatcher.match(kind, reference, List.of());
            }
        }
        return NameMatcher.match(kind, reference, list(kind));
    }

    public String id(ResourceKind kind, String reference) {
        return find(kind, reference).path("id").asText();
    }
}
