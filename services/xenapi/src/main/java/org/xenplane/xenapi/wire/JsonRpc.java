package org.xenplane.xenapi.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XAPI's JSON-RPC: version 1.0 (no {@code jsonrpc} member; answers {@code result}, {@code error}
 * as the error description array, {@code id}) and 2.0 (answers {@code result}, or {@code error}
 * as {@code {code, message: CODE, data: [params]}}). Reading is bounded in nesting depth and
 * string length; the body's size is bounded before (core's {@code RequestSizeLimit}).
 */
public final class JsonRpc {
    static final int MAX_DEPTH = 64;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(1_048_576).maxNumberLength(100).build())
            .build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonRpc() {
    }

    public static RpcCall read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw XenApiFailure.malformed("not well-formed JSON");
        }
        if (root == null || !root.isObject()) {
            throw XenApiFailure.malformed("a JSON-RPC call is one JSON object");
        }
        JsonNode version = root.get("jsonrpc");
        if (version != null && !"2.0".equals(version.asText())) {
            throw XenApiFailure.malformed("jsonrpc is \"2.0\" or absent (1.0)");
        }
        JsonNode method = root.get("method");
        if (method == null || !method.isTextual() || method.asText().isBlank()) {
            throw XenApiFailure.malformed("method is a non-empty string");
        }
        JsonNode params = root.get("params");
        if (params != null && !params.isArray() && !params.isNull()) {
            throw XenApiFailure.malformed("params is an array");
        }
        List<Object> values = new ArrayList<>();
        if (params != null && params.isArray()) {
            params.forEach(p -> values.add(value(p)));
        }
        return new RpcCall(method.asText(), values, id(root.get("id")), version == null ? "1.0" : "2.0");
    }

    /** The version a body that may not even be a call asks for: 2.0 when it says so, else 1.0. */
    public static String versionOf(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root != null && root.isObject() && "2.0".equals(root.path("jsonrpc").asText()) ? "2.0" : "1.0";
        } catch (IOException | RuntimeException e) {
            return "1.0";
        }
    }

    /** The id of a body that may not even be a call, for answering its failure; null when none can be read. */
    public static Object idOf(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            return root != null && root.isObject() ? id(root.get("id")) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static byte[] success(RpcCall call, Object value) {
        ObjectNode answer = NODES.objectNode();
        if ("2.0".equals(call.jsonRpcVersion())) {
            answer.put("jsonrpc", "2.0");
            answer.set("result", node(value));
        } else {
            answer.set("result", node(value));
            answer.putNull("error");
        }
        answer.set("id", node(call.id()));
        return write(answer);
    }

    public static byte[] failure(String version, Object id, List<String> description) {
        ObjectNode answer = NODES.objectNode();
        if ("2.0".equals(version)) {
            answer.put("jsonrpc", "2.0");
            ObjectNode error = answer.putObject("error");
            error.put("code", 1);
            error.put("message", description.get(0));
            ArrayNode data = error.putArray("data");
            description.subList(1, description.size()).forEach(data::add);
        } else {
            answer.putNull("result");
            ArrayNode error = answer.putArray("error");
            description.forEach(error::add);
        }
        answer.set("id", node(id));
        return write(answer);
    }

    private static Object id(JsonNode id) {
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isIntegralNumber()) {
            return id.asLong();
        }
        return id.isTextual() ? id.asText() : null;
    }

    private static Object value(JsonNode n) {
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            if (!n.canConvertToLong()) {
                throw XenApiFailure.malformed("an integer beyond int64");
            }
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isArray()) {
            List<Object> items = new ArrayList<>();
            n.forEach(i -> items.add(value(i)));
            return items;
        }
        if (n.isObject()) {
            Map<String, Object> members = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> members.put(e.getKey(), value(e.getValue())));
            return members;
        }
        return ""; // null: XAPI has no null value; the empty string is its void
    }

    static JsonNode node(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i.longValue());
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (v instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, val) -> o.set(String.valueOf(k), node(val)));
            return o;
        }
        if (v instanceof Collection<?> items) {
            ArrayNode a = NODES.arrayNode();
            items.forEach(i -> a.add(node(i)));
            return a;
        }
        return NODES.textNode(v.toString()); // XenDate and anything else with a wire text
    }

    private static byte[] write(JsonNode answer) {
        try {
            return JSON.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
