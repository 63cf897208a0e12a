package org.xenplane.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import org.xenplane.cli.Xenplane;
import org.xenplane.cli.http.ApiClient;
import org.xenplane.cli.output.OutputFormat;

/**
 * What a command does with an operation's answer: a long operation's task (202) is waited for
 * unless {@code --async}, which prints the task id; then a line for people, or the task for
 * {@code -o json|yaml}.
 */
public final class Outcome {
    private Outcome() {
    }

    public static void finish(Xenplane cli, ApiClient api, ApiClient.Reply reply, boolean async, String done) {
        String task = reply.task().orElse(reply.status() == 202 ? reply.body().path("id").asText() : null);
        if (reply.status() == 202 && task != null) {
            if (async) {
                cli.environment().out().println(task);
                return;
            }
            JsonNode finished = cli.waiter(api).await(task);
            report(cli, finished, done);
            return;
        }
        report(cli, reply.body(), done);
    }

    private static void report(Xenplane cli, JsonNode document, String done) {
        var printer = cli.printer();
        if (printer.format() == OutputFormat.JSON || printer.format() == OutputFormat.YAML) {
            printer.document(document);
        } else if (printer.format() != OutputFormat.NAME) {
            printer.note(done);
        }
    }
}
