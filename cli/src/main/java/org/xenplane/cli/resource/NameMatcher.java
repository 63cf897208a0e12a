package org.xenplane.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;

/**
 * Picks the one object a user named among the objects of a kind: by id, else by name. No match
 * is NOT_FOUND (exit 3); several objects with that name is NAME_AMBIGUOUS (exit 2), listing them.
 */
public final class NameMatcher {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private NameMatcher() {
    }

    public static boolean isId(String reference) {
        return UUID.matcher(reference).matches();
    }

    public static JsonNode match(ResourceKind kind, String reference, List<JsonNode> candidates) {
        List<JsonNode> byId = candidates.stream().filter(o -> reference.equalsIgnoreCase(o.path("id").asText())).toList();
        if (!byId.isEmpty()) {
            return byId.get(0);
        }
        List<JsonNode> byName = kind.nameField == null ? List.of()
                : candidates.stream().filter(o -> reference.equals(o.path(kind.nameField).asText())).toList();
        if (byName.isEmpty()) {
            throw new CliException(ExitCode.NOT_FOUND, "NOT_FOUND", "there is no " + kind.command + " with "
                    + (kind.nameField == null ? "id '" : "name or id '") + reference + "'; list them with 'xenplane "
                    + kind.command + " list'");
        }
        if (byName.size() > 1) {
            String ids = byName.stream().map(o -> o.path("id").asText()).collect(Collectors.joining(", "));
            throw new CliException(ExitCode.USAGE, "NAME_AMBIGUOUS", byName.size() + " " + kind.command
                    + " objects are named '" + reference + "': " + ids + "; name one by its id");
        }
        return byName.get(0);
    }
}
