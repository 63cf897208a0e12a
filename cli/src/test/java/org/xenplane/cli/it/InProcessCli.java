package org.xenplane.cli.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xenplane.cli.Environment;
import org.xenplane.cli.Main;

/**
 * The CLI run in this JVM through {@code Main.run}, which the jar's {@code main} calls and passes
 * to {@code System.exit}: the same command tree, HTTP client, configuration file and printer, with
 * the environment a process gets from {@link LauncherCli} (no XENPLANE_ variables, the same
 * XDG_CONFIG_HOME, no terminal), its standard streams captured and its exit code returned.
 */
final class InProcessCli implements Cli {
    private final Map<String, String> variables = new HashMap<>(System.getenv());

    InProcessCli(Path work) {
        variables.keySet().removeIf(k -> k.startsWith("XENPLANE_"));
        variables.put("XDG_CONFIG_HOME", configHome(work).toString());
    }

    /** The configuration directory both ways of running share. */
    static Path configHome(Path work) {
        return work.resolve("config");
    }

    @Override
    public Result runWithInput(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment environment = new Environment(Map.copyOf(variables),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null);
        int exit = Main.run(environment, args);
        return new Result(List.of(args), exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
