package org.xenplane.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * A way to run {@code xenplane} with its own configuration directory: as a process through the
 * launcher ({@link LauncherCli}), or in this JVM through {@code Main.run} ({@link InProcessCli}),
 * the same code the packaged jar's {@code main} runs, without a JVM start per command.
 */
interface Cli {

    Result runWithInput(String input, String... args) throws Exception;

    default Result run(String... args) throws Exception {
        return runWithInput("", args);
    }

    /** What one run printed and how it exited. */
    record Result(List<String> args, int exit, String out, String err) {
        private static final ObjectMapper JSON = new ObjectMapper();

        Result ok() {
            assertThat(exit).as("xenplane %s: %s%s", args, out, err).isZero();
            return this;
        }

        Result fails(int code, String errorCode) {
            assertThat(exit).as("xenplane %s: %s%s", args, out, err).isEqualTo(code);
            assertThat(err).startsWith("error: " + errorCode + ": ");
            return this;
        }

        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }

        List<String> lines() {
            return out.lines().toList();
        }
    }
}
