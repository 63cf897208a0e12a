package org.xenplane.xenapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * The one table from Xenplane's error catalog to XAPI's error descriptions. Xenplane's codes are
 * XAPI's names already; what differs is the parameters: XAPI gives them positionally, refs for
 * objects, its own class names and enum spellings. A code not in the table passes on with its
 * parameters in the catalog's declared order.
 */
public final class ErrorTable {
    private static final Map<String, Function<Map<String, String>, List<String>>> TABLE = Map.of(
            "HANDLE_INVALID", p -> {
                String xenClass = XenClasses.xenName(p.getOrDefault("class", ""));
                return List.of(xenClass, refOrValue(xenClass, p.get("id")));
            },
            "VM_BAD_POWER_STATE", p -> List.of(refOrValue("VM", p.get("vm")), powerState(p.get("expected")),
                    powerState(p.get("actual"))),
            "RBAC_PERMISSION_DENIED", p -> List.of(p.getOrDefault("operation", ""),
                    "needs the role " + p.getOrDefault("required_role", "")),
            "SESSION_INVALID", p -> List.of(""),
            "EVENTS_LOST", p -> List.of(), // XAPI's has none: the client reads everything again
            "SESSION_AUTHENTICATION_FAILED", p -> List.of("", p.getOrDefault("reason", "")));

    private ErrorTable() {
    }

    /** The failure for a problem document answered with {@code status}. */
    static XenApiFailure failure(int status, JsonNode problem) {
        if (problem == null || !problem.hasNonNull("code")) {
            return new XenApiFailure("INTERNAL_ERROR", "the REST API answered " + status);
        }
        String code = problem.get("code").asText();
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        JsonNode named = problem.get("parameters");
        if (named != null && named.isObject()) {
            named.fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
        }
        return new XenApiFailure(description(code, parameters));
    }

    /** XAPI's error description for a Xenplane code and its named parameters. */
    public static List<String> description(String code, Map<String, String> parameters) {
        List<String> description = new ArrayList<>();
        description.add(code);
        description.addAll(TABLE.getOrDefault(code, p -> inCatalogOrder(code, p)).apply(parameters));
        return description;
    }

    private static List<String> inCatalogOrder(String code, Map<String, String> parameters) {
        try {
            return ErrorCode.valueOf(code).parameterNames().stream().map(n -> parameters.getOrDefault(n, "")).toList();
        } catch (IllegalArgumentException unknown) {
            return List.copyOf(parameters.values());
        }
    }

    private static String refOrValue(String xenClass, String id) {
        try {
            return Refs.of(xenClass, UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return id == null ? "" : id;
        }
    }

    /** Xenplane writes power states {@code halted}; XAPI {@code Halted}. A list ({@code running, paused}) stays a list. */
    static String powerState(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String word : value.split("((?<=[ ,|/])|(?=[ ,|/]))")) {
            out.append(word.isEmpty() || !Character.isLetter(word.charAt(0)) ? word
                    : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1));
        }
        return out.toString();
    }
}
