package org.xenplane.cli.xe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;

/** The commands every xe class has: {@code -list}, {@code -param-list}, {@code -param-get}, and {@code -param-set} where fields are writable. */
final class XeParams {
    private XeParams() {
    }

    static void list(XeCall call, XeClass xeClass) {
        List<JsonNode> objects = call.select(xeClass, Set.of());
        List<XeParam> shown = shown(xeClass, call.arg("params", null), call.minimal);
        if (call.minimal) {
            call.out().println(XeFormat.minimal(objects, shown.get(0)));
        } else {
            XeFormat.records(objects, shown).forEach(call.out()::println);
        }
    }

    static void paramList(XeCall call, XeClass xeClass) {
        for (JsonNode object : call.targets(xeClass, Set.of())) {
            XeFormat.records(List.of(object), xeClass.params).forEach(call.out()::println);
        }
    }

    static void paramGet(XeCall call, XeClass xeClass) {
        XeParam param = param(xeClass, call.arg("param-name"));
        JsonNode object = call.targets(xeClass, Set.of("param-name", "param-key")).get(0);
        String key = call.arg("param-key", null);
        call.out().println(key == null ? XeFormat.value(object, param.field())
                : XeFormat.value(object, param.field() + "." + key));
    }

    /** {@code uuid=} picks the object; every other {@code param=value} is a change (writable params only). */
    static void paramSet(XeCall call, XeClass xeClass) {
        String uuid = call.arg("uuid");
        JsonNode object = call.resolver().find(xeClass.kind, uuid);
        Map<String, Object> changes = new LinkedHashMap<>();
        call.args().forEach((name, value) -> {
            if (!name.equals("uuid")) {
                XeParam param = param(xeClass, name);
                if (!param.writable()) {
                    throw new CliException(ExitCode.USAGE, "FIELD_READ_ONLY", "the field '" + name + "' is read-only");
                }
                changes.put(param.field(), typed(object.path(param.field()), value));
            }
        });
        call.api().patch(xeClass.kind.path + "/" + object.path("id").asText(), changes);
    }

    private static Object typed(JsonNode current, String value) {
        if (current.isNumber()) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new CliException(ExitCode.USAGE, "INVALID_VALUE", "'" + value + "' is not a number");
            }
        }
        return value;
    }

    private static List<XeParam> shown(XeClass xeClass, String params, boolean minimal) {
        if (params == null) {
            return minimal ? List.of(xeClass.params.get(0)) : xeClass.params.stream()
                    .filter(p -> xeClass.listed.contains(p.name())).toList();
        }
        if (params.equals("all")) {
            return xeClass.params;
        }
        return Arrays.stream(params.split(",")).map(name -> param(xeClass, name.trim())).toList();
    }

    private static XeParam param(XeClass xeClass, String name) {
        return xeClass.param(name).orElseThrow(() -> new CliException(ExitCode.USAGE, "UNKNOWN_FIELD", "unknown field '"
                + name + "' for " + xeClass.xeName + "; its fields are " + xeClass.params.stream().map(XeParam::name).toList()));
    }
}
