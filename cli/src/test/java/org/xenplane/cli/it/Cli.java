package org.xenplane.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged CLI run as a process through its launcher ({@code cli/bin/xenplane}, which keeps a
 * class-data archive in the cache directory), as a user would, with its own configuration directory.
 */
final class Cli {
    private final Path configHome;
    private final Path work;

    Cli(Path work) {
        this.work = work;
        this.configHome = work.resolve("config");
    }

    Path configHome() {
        return configHome;
    }

    Result run(String... args) throws Exception {
        return runWithInput("", args);
    }

    Result runWithInput(String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PackagedPool.jar("xenplane.cli.launcher").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("XENPLANE_"));
        builder.environment().putAll(Map.of("XDG_CONFIG_HOME", configHome.toString(),
                "XDG_CACHE_HOME", work.resolve("cache").toString(), "JAVA_HOME", System.getProperty("java.home"),
                "XENPLANE_CLI_JAR", PackagedPool.jar("xenplane.cli.jar").toString()));
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("xenplane %s finished", List.of(args)).isTrue();
        return new Result(List.of(args), process.exitValue(), Files.readString(out), Files.readString(err));
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
