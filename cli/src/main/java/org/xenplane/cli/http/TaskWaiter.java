package org.xenplane.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;

/**
 * Waits for a task with the server's long-poll ({@code GET /tasks/{id}?wait=N}) and shows its
 * progress: one line redrawn in place with the elapsed time on a terminal, a plain line per
 * change otherwise. A failed or cancelled task throws with its error code.
 */
public final class TaskWaiter {
    private static final Set<String> UNFINISHED = Set.of("pending", "cancelling");
    private static final int POLL_SECONDS = 1;

    private final ApiClient api;
    private final PrintStream progress;
    private final boolean terminal;

    public TaskWaiter(ApiClient api, PrintStream progress, boolean terminal) {
        this.api = api;
        this.progress = progress;
        this.terminal = terminal;
    }

    /** Waits until the task ends; returns it when it succeeded. */
    public JsonNode await(String taskId) {
        long started = System.nanoTime();
        String shown = "";
        JsonNode task = api.get("/tasks/" + taskId + "?wait=0").body();
        while (UNFINISHED.contains(task.path("status").asText())) {
            shown = show(task, started, shown);
            task = api.get("/tasks/" + taskId + "?wait=" + POLL_SECONDS).body();
        }
        show(task, started, shown);
        if (terminal) {
            progress.println();
        }
        return succeeded(task);
    }

    private String show(JsonNode task, long started, String shown) {
        int percent = (int) Math.round(task.path("progress").asDouble() * 100);
        String line = String.format("%s %s %d%%", task.path("operation").asText(), task.path("status").asText(), percent);
        if (terminal) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            progress.printf("\r%s %s %d.%ds", bar(percent), line, elapsed.toSeconds(), elapsed.toMillisPart() / 100);
            progress.flush();
        } else if (!line.equals(shown)) {
            progress.println(line);
        }
        return line;
    }

    private static String bar(int percent) {
        int filled = Math.max(0, Math.min(20, percent / 5));
        return "[" + "#".repeat(filled) + " ".repeat(20 - filled) + "]";
    }

    private static JsonNode succeeded(JsonNode task) {
        String status = task.path("status").asText();
        if ("success".equals(status)) {
            return task;
        }
        String id = task.path("id").asText();
        if ("cancelled".equals(status)) {
            throw new CliException(ExitCode.CONFLICT, "TASK_CANCELLED", "task " + id + " was cancelled");
        }
        JsonNode error = task.path("error");
        String code = error.path("code").asText("TASK_FAILED");
        throw new CliException(TaskErrors.exitCode(code), code, "task " + id + " (" + task.path("operation").asText()
                + ") failed: " + error.path("parameters"));
    }
}
