package org.xenplane.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a field (a dotted path such as {@code target.id}) of a JSON object as the text a table shows. */
public final class Fields {
    private Fields() {
    }

    public static JsonNode at(JsonNode object, String path) {
        JsonNode node = object;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    public static String text(JsonNode object, String path) {
        JsonNode node = at(object, path);
        if (node == null || node.isNull()) {
            return "-";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            return items.isEmpty() ? "-" : String.join(",", items);
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
