package org.xenplane.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;

/** Turns an RFC 7807 problem (or any error answer) into the CLI's exception: code, detail, exit code. */
final class Problems {
    private Problems() {
    }

    static CliException toException(int status, JsonNode problem) {
        String code = text(problem, "code", "HTTP_" + status);
        String detail = text(problem, "detail", text(problem, "title", "the server answered " + status));
        return new CliException(ExitCode.ofStatus(status), code, detail);
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? otherwise : value.asText();
    }
}
