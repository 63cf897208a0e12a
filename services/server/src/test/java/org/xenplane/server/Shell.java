package org.xenplane.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs what a user would type: a bash script from the docs, or curl itself. */
final class Shell {
    private Shell() {
    }

    static Result bash(String script, Path dir, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
        builder.environment().putAll(environment);
        Process bash = builder.start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(bash.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(bash.getErrorStream()));
        if (!bash.waitFor(120, TimeUnit.SECONDS)) {
            bash.destroyForcibly();
            throw new AssertionError("bash did not finish in 120 s: " + script);
        }
        return new Result(bash.exitValue(), stdout.join(), stderr.join());
    }

    /**
     * {@code curl -X POST} with a JSON content type and no body, as people type it: the status line
     * and the headers are in {@link Result#stdout()}.
     */
    static Result curlPostWithoutBody(String url, String token) throws IOException, InterruptedException {
        return bash("curl -sS -o /dev/null -D - -X POST -H 'Content-Type: application/json' -H \"Authorization: Bearer $TOKEN\" \"$URL\"",
                Path.of("."), Map.of("TOKEN", token, "URL", url));
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Result(int exit, String stdout, String stderr) {
        /** The value of an HTTP header in curl's {@code -D -} output. */
        String header(String name) {
            return stdout.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse(null);
        }

        String statusLine() {
            return stdout.lines().findFirst().orElse("");
        }
    }
}
