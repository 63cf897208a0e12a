package org.xenplane.xenapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.xenapi.wire.XenDate;

/** REST view values in XAPI's forms: refs for ids, string maps, datetimes, string sets. */
final class XenValues {
    private XenValues() {
    }

    static String ref(String xenClass, JsonNode id) {
        return id == null || id.isNull() || id.isMissingNode() || id.asText().isEmpty() ? Refs.NULL
                : Refs.of(xenClass, UUID.fromString(id.asText()));
    }

    static List<Object> refs(String xenClass, JsonNode ids) {
        List<Object> refs = new ArrayList<>();
        ids.forEach(id -> refs.add(ref(xenClass, id)));
        return refs;
    }

    static Map<String, Object> stringMap(JsonNode map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static List<Object> strings(JsonNode list) {
        List<Object> out = new ArrayList<>();
        list.forEach(s -> out.add(s.asText()));
        return out;
    }

    static XenDate date(JsonNode instant) {
        return instant == null || !instant.isTextual() ? XenDate.NEVER : XenDate.of(Instant.parse(instant.asText()));
    }

    /** Xenplane's {@code {task id: operation}} as XAPI's {@code (task ref -> operation) map}. */
    static Map<String, Object> currentOperations(JsonNode operations) {
        Map<String, Object> out = new LinkedHashMap<>();
        operations.fields().forEachRemaining(e -> out.put(Refs.of("task", UUID.fromString(e.getKey())), e.getValue().asText()));
        return out;
    }

    /** {@code halted} as XAPI spells it, {@code Halted}. */
    static String capitalised(JsonNode value) {
        String s = value.asText("");
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
