package org.xenplane.xenapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One XenAPI class over one REST resource: its XAPI name, the REST collection it reads, the
 * declared operation that authorizes reading it, and its field table (XAPI field name to the value
 * taken from the REST view). The record and every {@code get_<field>} come from that one table.
 *
 * @param singleton   the REST path answers one object, not a list (the pool)
 * @param nameField   the REST view's field XAPI calls {@code name_label}; null when the class has none
 */
public record XenClass(String name, String restPath, String readOperation, boolean singleton, String nameField,
                       Map<String, Function<JsonNode, Object>> fields) {

    public XenClass {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Map<String, Object> record(JsonNode view) {
        Map<String, Object> record = new LinkedHashMap<>();
        fields.forEach((field, value) -> record.put(field, value.apply(view)));
        return record;
    }

    /** A bean declaring one class. */
    public interface Declaration {
        XenClass xenClass();

        /** The view with what its record needs from other resources ({@code get} reads a REST path); most need nothing. */
        default JsonNode complete(JsonNode view, Function<String, JsonNode> get) {
            return view;
        }
    }

    /** Builds a field table in XAPI's order. */
    public static final class Fields {
        private final Map<String, Function<JsonNode, Object>> fields = new LinkedHashMap<>();

        public Fields uuid() {
            return field("uuid", v -> v.path("id").asText());
        }

        public Fields text(String xenField, String restField) {
            return field(xenField, v -> v.path(restField).isNull() ? "" : v.path(restField).asText(""));
        }

        public Fields constant(String xenField, Object value) {
            return field(xenField, v -> value);
        }

        public Fields int64(String xenField, String restField) {
            return field(xenField, v -> v.path(restField).asLong());
        }

        public Fields bool(String xenField, String restField) {
            return field(xenField, v -> v.path(restField).asBoolean());
        }

        public Fields ref(String xenField, String xenClass, String restField) {
            return field(xenField, v -> XenValues.ref(xenClass, v.path(restField)));
        }

        public Fields refs(String xenField, String xenClass, String restField) {
            return field(xenField, v -> XenValues.refs(xenClass, v.path(restField)));
        }

        public Fields map(String xenField, String restField) {
            return field(xenField, v -> XenValues.stringMap(v.path(restField)));
        }

        public Fields strings(String xenField, String restField) {
            return field(xenField, v -> XenValues.strings(v.path(restField)));
        }

        public Fields date(String xenField, String restField) {
            return field(xenField, v -> XenValues.date(v.path(restField)));
        }

        /** {@code allowed_operations} and {@code current_operations}, from the REST view's. */
        public Fields operations() {
            return field("allowed_operations", v -> XenValues.strings(v.path("allowedOperations")))
                    .field("current_operations", v -> XenValues.currentOperations(v.path("currentOperations")));
        }

        public Fields field(String xenField, Function<JsonNode, Object> value) {
            if (fields.putIfAbsent(xenField, value) != null) {
                throw new IllegalStateException("field " + xenField + " twice");
            }
            return this;
        }

        public XenClass of(String name, String restPath, String readOperation, String nameField) {
            return new XenClass(name, restPath, readOperation, false, nameField, fields);
        }

        public XenClass singleton(String name, String restPath, String readOperation, String nameField) {
            return new XenClass(name, restPath, readOperation, true, nameField, fields);
        }

        List<String> names() {
            return List.copyOf(fields.keySet());
        }
    }
}
