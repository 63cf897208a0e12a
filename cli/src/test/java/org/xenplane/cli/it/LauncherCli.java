package org.xenplane.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@link #asXe()} runs it through a symlink named {@code xe}, the launcher's xe-compatible mode.
 */
final class LauncherCli implements Cli {
    private final Path work;
    private final Path launcher;

    LauncherCli(Path work) {
        this(work, PackagedPool.jar("xenplane.cli.launcher"));
    }

    private LauncherCli(Path work, Path launcher) {
        this.work = work;
        this.launcher = launcher;
    }

    /** The same launcher called as {@code xe} (a symlink to it, as the README installs it). */
    LauncherCli asXe() throws Exception {
        Path xe = work.resolve("bin/xe");
        if (!Files.exists(xe)) {
            Files.createSymbolicLink(Files.createDirectories(xe.getParent()).resolve("xe"), launcher);
        }
        return new LauncherCli(work, xe);
    }

    @Override
    public Result runWithInput(String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("XENPLANE_"));
        builder.environment().putAll(Map.of("XDG_CONFIG_HOME", InProcessCli.configHome(work).toString(),
                "XDG_CACHE_HOME", work.resolve("cache").toString(), "JAVA_HOME", System.getProperty("java.home"),
                "XENPLANE_CLI_JAR", PackagedPool.jar("xenplane.cli.jar").toString()));
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s %s finished", launcher.getFileName(), List.of(args)).isTrue();
        return new Result(List.of(args), process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
