package org.xenplane.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.xenplane.cli.Xenplane;
import org.xenplane.cli.http.ApiClient;
import org.xenplane.cli.output.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xenplane event watch}: streams events as they happen, from now, with the server's
 * long-poll ({@code GET /events?from=<token>&timeout=30}): one line per event, or one JSON
 * document per line with {@code -o json}; until interrupted, or {@code --count} events.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, description = "Print events as they happen (Ctrl-C stops).")
public final class EventWatch implements Callable<Integer> {
    private static final int POLL_SECONDS = 30;

    private final Xenplane cli;

    @Option(names = "--classes", split = ",", description = "only these classes, e.g. vm,task")
    List<String> classes;

    @Option(names = "--count", description = "stop after this many events")
    Long count;

    public EventWatch(Xenplane cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        ApiClient api = cli.api();
        String filter = classes == null ? "" : "&classes=" + String.join(",", classes);
        String token = api.get("/events").body().path("token").asText();
        long seen = 0;
        while (count == null || seen < count) {
            JsonNode batch = api.get("/events?from=" + token + filter + "&timeout=" + POLL_SECONDS).body();
            for (JsonNode event : batch.path("events")) {
                if (count != null && seen >= count) {
                    break;
                }
                print(event);
                seen++;
            }
            token = batch.path("token").asText();
        }
        return 0;
    }

    private void print(JsonNode event) {
        PrintStream out = cli.environment().out();
        if (cli.printer().format() == OutputFormat.JSON) {
            out.println(event.toString());
        } else {
            JsonNode snapshot = event.path("snapshot");
            String label = snapshot.path(snapshot.has("name") ? "name" : "operation").asText("");
            out.println(String.join("  ", event.path("timestamp").asText(), event.path("class").asText(),
                    event.path("operation").asText(), event.path("ref").asText(), label).stripTrailing());
        }
        out.flush();
    }
}
