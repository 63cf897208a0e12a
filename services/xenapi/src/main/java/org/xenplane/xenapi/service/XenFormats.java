package org.xenplane.xenapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Field values that need more than a copy: XAPI's enum spellings and a task's result and error. */
public final class XenFormats {
    private static final Map<String, String> IP_MODES = Map.of("none", "None", "dhcp", "DHCP", "static", "Static");

    private XenFormats() {
    }

    /** {@code halted} as XAPI spells it, {@code Halted}. */
    public static String capitalised(JsonNode value) {
        return XenValues.capitalised(value);
    }

    public static String ipMode(JsonNode value) {
        return IP_MODES.getOrDefault(value.asText("none"), value.asText(""));
    }

    public static List<Object> texts(JsonNode list) {
        return XenValues.strings(list);
    }

    /** As XAPI encodes it: the result's XML-RPC value, {@code <value>OpaqueRef:...</value>}, or "" for none. */
    public static String taskResult(JsonNode task) {
        JsonNode result = task.path("result");
        if (!result.isObject()) {
            return "";
        }
        String xenClass = XenClasses.xenName(result.path("objectClass").asText());
        return "<value>" + Refs.of(xenClass, UUID.fromString(result.path("id").asText())) + "</value>";
    }

    /** The task's failure as XAPI's error description; empty while it has none. */
    public static List<String> taskError(JsonNode task) {
        JsonNode error = task.path("error");
        if (!error.isObject()) {
            return List.of();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        error.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        return ErrorTable.description(error.path("code").asText(), parameters);
    }
}
