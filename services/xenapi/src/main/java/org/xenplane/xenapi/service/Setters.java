package org.xenplane.xenapi.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * A class's setters, declared as a table of XAPI field to REST field: each becomes
 * {@code set_<field>} (maps also {@code add_to_}/{@code remove_from_}, sets {@code add_}/{@code remove_})
 * over one {@code PATCH} of the class's REST resource, authorized by that endpoint's declaration.
 * Only fields the REST resource lets change are declared: any other setter stays MESSAGE_METHOD_UNKNOWN.
 */
public final class Setters {
    /** A setter's body for the PATCH, from the parameters after {@code self}. */
    public interface Body extends Function<List<Object>, Map<String, Object>> {
    }

    record Spec(String message, List<String> parameters, Body body) {
    }

    /** {@code add_to_}/{@code remove_from_}/{@code add_}/{@code remove_}: a change of one map or set field, read then written. */
    record Edit(String message, String parameter, String xenField, String restField, Edit.Kind kind) {
        enum Kind { MAP_ADD, MAP_REMOVE, SET_ADD, SET_REMOVE }
    }

    final List<Spec> specs = new ArrayList<>();
    final List<Edit> edits = new ArrayList<>();

    public Setters text(String xenField, String restField) {
        return one(xenField, restField, v -> string(xenField, v));
    }

    public Setters int64(String xenField, String restField) {
        return one(xenField, restField, v -> int64(xenField, v));
    }

    public Setters bool(String xenField, String restField) {
        return one(xenField, restField, v -> {
            if (v instanceof Boolean b) {
                return b;
            }
            throw new XenApiFailure("FIELD_TYPE_ERROR", xenField);
        });
    }

    /** A {@code (string -> string) map}: {@code set_}, {@code add_to_}, {@code remove_from_}. */
    public Setters map(String xenField, String restField) {
        one(xenField, restField, v -> stringMap(xenField, v));
        edits.add(new Edit("add_to_" + xenField, "key", xenField, restField, Edit.Kind.MAP_ADD));
        edits.add(new Edit("remove_from_" + xenField, "key", xenField, restField, Edit.Kind.MAP_REMOVE));
        return this;
    }

    /** A {@code string set}: {@code set_}, {@code add_}, {@code remove_}. */
    public Setters set(String xenField, String restField) {
        one(xenField, restField, v -> strings(xenField, v));
        edits.add(new Edit("add_" + xenField, "value", xenField, restField, Edit.Kind.SET_ADD));
        edits.add(new Edit("remove_" + xenField, "value", xenField, restField, Edit.Kind.SET_REMOVE));
        return this;
    }

    /** A setter of its own shape ({@code VM.set_memory_limits}). */
    public Setters message(String name, List<String> parameters, Body body) {
        specs.add(new Spec(name, parameters, body));
        return this;
    }

    private Setters one(String xenField, String restField, Function<Object, Object> convert) {
        return message("set_" + xenField, List.of("value"), a -> single(restField, convert.apply(a.get(0))));
    }

    public static Map<String, Object> single(String restField, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(restField, value);
        return body;
    }

    public static String string(String field, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw new XenApiFailure("FIELD_TYPE_ERROR", field);
    }

    /** An int64: a JSON number, or XAPI's XML-RPC string of digits. */
    public static long int64(String field, Object v) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        throw new XenApiFailure("FIELD_TYPE_ERROR", field);
    }

    static Map<String, Object> stringMap(String field, Object v) {
        if (v instanceof Map<?, ?> m && m.values().stream().allMatch(String.class::isInstance)) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, value) -> out.put(String.valueOf(k), value));
            return out;
        }
        throw new XenApiFailure("FIELD_TYPE_ERROR", field);
    }

    static List<Object> strings(String field, Object v) {
        if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return List.copyOf(l);
        }
        throw new XenApiFailure("FIELD_TYPE_ERROR", field);
    }

    /** A class whose REST resource takes a PATCH: the operation that authorizes it and its setters. */
    public interface Settable {
        String updateOperation();

        void setters(Setters s);
    }
}
