package org.xenplane.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Console;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;

/**
 * Waits for a task with the server's long-poll ({@code GET /tasks/{id}?wait=N}) and shows its
 * progress: one line redrawn in place with the elapsed time on a terminal, a plain line per
 * change otherwise. A failed or cancelled task throws with its error code. Ctrl-C asks (on a
 * terminal) whether to cancel the task: yes cancels it and waits for it to end, no stops waiting
 * and leaves it running; off a terminal it stops waiting and names the task, which goes on.
 */
public final class TaskWaiter {
    private static final Set<String> UNFINISHED = Set.of("pending", "cancelling");
    private static final int POLL_SECONDS = 1;

    private final ApiClient api;
    private final PrintStream progress;
    private final Console console;
    private final boolean terminal;

    /** {@code console}: the terminal to draw on and ask on, null when there is none. */
    public TaskWaiter(ApiClient api, PrintStream progress, Console console) {
        this.api = api;
        this.progress = progress;
        this.console = console;
        this.terminal = console != null;
    }

    /** Waits until the task ends; returns it when it succeeded. */
    public JsonNode await(String taskId) {
        long started = System.nanoTime();
        String shown = "";
        JsonNode task = api.get("/tasks/" + taskId + "?wait=0").body();
        try (Interrupts interrupts = new Interrupts()) {
            while (UNFINISHED.contains(task.path("status").asText())) {
                shown = show(task, started, shown);
                task = api.get("/tasks/" + taskId + "?wait=" + POLL_SECONDS).body();
                if (interrupts.take()) {
                    interrupted(task);
                }
            }
        }
        show(task, started, shown);
        if (terminal) {
            progress.println();
        }
        return succeeded(task);
    }

    /** Ctrl-C: cancel the task (and go on waiting for its end), or stop waiting and leave it running. */
    private void interrupted(JsonNode task) {
        String id = task.path("id").asText();
        if (!UNFINISHED.contains(task.path("status").asText())) {
            return;
        }
        if (terminal) {
            String answer = console.readLine("%nCancel task %s (%s)? [y/N] ", id, task.path("operation").asText());
            if (answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                api.post("/tasks/" + id + "/cancel", null);
                return;
            }
        }
        throw new CliException(ExitCode.INTERRUPTED, "NOT_WAITING", "stopped waiting; task " + id
                + " goes on: follow it with 'xenplane task show " + id + "', cancel it with 'xenplane task cancel " + id + "'");
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
