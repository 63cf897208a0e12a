package org.xenplane.cli.xe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.xenplane.cli.output.Fields;

/**
 * xe's output: records as {@code label: value} lines with the labels right-aligned (the first,
 * the uuid, flush left), a blank line after each record; sets as {@code a; b}, maps as
 * {@code k: v; k2: v2}; {@code --minimal} as comma-separated values.
 */
public final class XeFormat {
    private XeFormat() {
    }

    public static String value(JsonNode object, String field) {
        JsonNode node = Fields.at(object, field);
        if (node == null || node.isNull()) {
            return "<not in database>";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.asText()));
            return String.join("; ", items);
        }
        if (node.isObject()) {
            List<String> entries = new ArrayList<>();
            node.properties().forEach(e -> entries.add(e.getKey() + ": " + e.getValue().asText()));
            return String.join("; ", entries);
        }
        return node.asText();
    }

    public static List<String> record(JsonNode object, List<XeParam> params) {
        int width = params.stream().mapToInt(p -> p.label().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            XeParam param = params.get(i);
            String label = i == 0 ? pad(param.label(), width) : " ".repeat(width - param.label().length()) + param.label();
            lines.add(label + ": " + value(object, param.field()));
        }
        return lines;
    }

    public static List<String> records(List<JsonNode> objects, List<XeParam> params) {
        List<String> lines = new ArrayList<>();
        for (JsonNode object : objects) {
            lines.addAll(record(object, params));
            lines.add("");
        }
        if (!objects.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    public static String minimal(List<JsonNode> objects, XeParam param) {
        return objects.stream().map(o -> value(o, param.field())).collect(Collectors.joining(","));
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
