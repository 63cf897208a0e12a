package org.xenplane.cli.xe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;

/**
 * xe's selectors: every {@code param=value} naming a parameter of the class keeps the objects
 * whose parameter shows exactly that value; {@code <class>=NAME_OR_UUID} keeps the object with
 * that uuid or name-label.
 */
public final class XeSelection {
    private XeSelection() {
    }

    public static boolean isSelector(XeClass xeClass, String key) {
        return key.equals(xeClass.xeName) || xeClass.param(key).isPresent();
    }

    public static List<JsonNode> filter(XeClass xeClass, Map<String, String> selectors, List<JsonNode> objects) {
        return objects.stream().filter(o -> selectors.entrySet().stream().allMatch(s -> matches(xeClass, o, s))).toList();
    }

    private static boolean matches(XeClass xeClass, JsonNode object, Map.Entry<String, String> selector) {
        if (selector.getKey().equals(xeClass.xeName)) {
            return selector.getValue().equalsIgnoreCase(object.path("id").asText())
                    || selector.getValue().equals(object.path(xeClass.kind.labelField()).asText());
        }
        Optional<XeParam> param = xeClass.param(selector.getKey());
        return param.isPresent() && XeFormat.value(object, param.get().field()).equals(selector.getValue());
    }

    /** The one object an operation acts on, or all matches with {@code --multiple}; none is an error. */
    public static List<JsonNode> targets(XeClass xeClass, List<JsonNode> matched, boolean multiple) {
        if (matched.isEmpty()) {
            throw new CliException(ExitCode.NOT_FOUND, "NOT_FOUND", "no " + xeClass.xeName + " matched the selectors");
        }
        if (matched.size() > 1 && !multiple) {
            throw new CliException(ExitCode.USAGE, "MULTIPLE_MATCHES", matched.size() + " " + xeClass.xeName
                    + " objects matched; narrow the selectors or add --multiple");
        }
        return matched;
    }
}
