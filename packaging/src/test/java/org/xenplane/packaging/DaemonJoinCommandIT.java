package org.xenplane.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * `xenplane-daemon join` and `run`, the launcher as installed from the .deb into a throw-away root.
 * systemctl is a stand-in that records its calls (XENPLANE_SYSTEMCTL); so is java for `run`.
 */
class DaemonJoinCommandIT {
    private static final String URL = "https://xenplane.example:8443";
    private static final String TOKEN = "xpj_AbC-123_xyz";

    private final Path root = DebianPackage.installedRoot();
    private final Path config = root.resolve("etc/xenplane/daemon.conf");
    private final Path stateDir = root.resolve("var/lib/xenplane-daemon");
    private final Path systemctlCalls = root.resolve("systemctl-calls");

    @Test
    void joinWritesTheControlPlaneAndTokenAndRestartsTheService() throws IOException {
        String before = Files.readString(config);

        Commands.Result join = launcher("join", "--control-plane", URL, "--token", TOKEN).expectSuccess();

        String after = Files.readString(config);
        assertThat(after).contains("\nXENPLANE_DAEMON_CONTROL_PLANE_URL=" + URL + "\n")
                .contains("\nXENPLANE_DAEMON_JOIN_TOKENS=" + TOKEN + "\n")
                .doesNotContain("#XENPLANE_DAEMON_CONTROL_PLANE_URL=")
                .doesNotContain("#XENPLANE_DAEMON_JOIN_TOKENS=");
        assertThat(after.lines().count()).as("the example lines were replaced, the rest kept").isEqualTo(before.lines().count());
        assertThat(after).contains("# This file holds a secret (the join token)");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(systemctlCalls)).containsExactly("enable xenplane-daemon.service", "restart xenplane-daemon.service");
        assertThat(join.output()).contains("joins " + URL);
    }

    @Test
    void joiningAgainReplacesTheValuesAndWritesOptionalOnesWhenGiven() throws IOException {
        launcher("join", "--control-plane", "http://old.example:8080", "--token", "xpj_old", "--no-restart").expectSuccess();

        launcher("join", "--control-plane", URL, "--token", TOKEN, "--advertise-url", "http://192.0.2.7:8444",
                "--listen", "192.0.2.7", "--no-restart").expectSuccess();

        List<String> settings = Files.readAllLines(config).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertThat(settings).containsExactlyInAnyOrder(
                "XENPLANE_DAEMON_CONTROL_PLANE_URL=" + URL,
                "XENPLANE_DAEMON_JOIN_TOKENS=" + TOKEN,
                "XENPLANE_DAEMON_ADVERTISE_URL=http://192.0.2.7:8444",
                "QUARKUS_HTTP_HOST=192.0.2.7");
        assertThat(systemctlCalls).doesNotExist();
    }

    @Test
    void badArgumentsAreRefusedAndLeaveTheConfigAlone() throws IOException {
        String before = Files.readString(config);
        List<List<String>> bad = List.of(
                List.of("join", "--token", TOKEN),
                List.of("join", "--control-plane", URL),
                List.of("join", "--control-plane", "ftp://x", "--token", TOKEN),
                List.of("join", "--control-plane", "http://x y", "--token", TOKEN),
                List.of("join", "--control-plane", "http://x\"; rm -rf /", "--token", TOKEN),
                List.of("join", "--control-plane", URL, "--token", "not-a-join-token"),
                List.of("join", "--control-plane", URL, "--token", "xpj_$(reboot)"),
                List.of("join", "--control-plane", URL, "--token", TOKEN, "--advertise-url", "nowhere"),
                List.of("join", "--control-plane", URL, "--token", TOKEN, "--bogus"));

        for (List<String> arguments : bad) {
            Commands.Result result = launcher(arguments.toArray(String[]::new));
            assertThat(result.exitCode()).as("%s: %s", arguments, result.output()).isEqualTo(1);
            assertThat(result.output()).startsWith("xenplane-daemon: ");
        }
        assertThat(Files.readString(config)).isEqualTo(before);
        assertThat(systemctlCalls).doesNotExist();
    }

    @Test
    void aHostThatAlreadyJoinedIsRefusedUnlessForcedAndItsIdentityIsKeptAside() throws IOException {
        Path identity = stateDir.resolve("sim-host-1.json");
        Files.writeString(identity, "{\"hostId\":\"old\"}");

        Commands.Result refused = launcher("join", "--control-plane", URL, "--token", TOKEN);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("already joined a pool").contains("--force");
        assertThat(identity).exists();

        launcher("join", "--control-plane", URL, "--token", TOKEN, "--force").expectSuccess();

        assertThat(identity).doesNotExist();
        try (Stream<Path> kept = Files.list(stateDir)) {
            assertThat(kept.map(p -> p.getFileName().toString()).toList())
                    .singleElement().satisfies(name -> assertThat(name).startsWith("sim-host-1.json.replaced-"));
        }
        assertThat(Files.readString(config)).contains("XENPLANE_DAEMON_JOIN_TOKENS=" + TOKEN);
    }

    @Test
    void runStartsTheInstalledApplicationWithTheTokenFromATokenFile() throws IOException {
        Path javaHome = root.resolve("fake-jdk");
        Files.createDirectories(javaHome.resolve("bin"));
        Path java = javaHome.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"java $*\"\necho \"token=$XENPLANE_DAEMON_JOIN_TOKENS\"\n");
        java.toFile().setExecutable(true);
        Path tokenFile = root.resolve("node-token");
        Files.writeString(tokenFile, TOKEN + "\n");

        Map<String, String> env = new HashMap<>(Map.of("JAVA_HOME", javaHome.toString(), "JAVA_OPTS", "-Xmx64m -Dx=y",
                "XENPLANE_DAEMON_JOIN_TOKEN_FILE", tokenFile.toString()));
        Commands.Result run = launcher(env, "run").expectSuccess();

        assertThat(run.output()).contains("java -Xmx64m -Dx=y -jar " + root.resolve("usr/share/xenplane-daemon/quarkus-run.jar"))
                .contains("token=" + TOKEN);
    }

    private Commands.Result launcher(String... arguments) {
        return launcher(Map.of(), arguments);
    }

    private Commands.Result launcher(Map<String, String> extra, String... arguments) {
        Path recorder = root.resolve("systemctl");
        try {
            Files.writeString(recorder, "#!/bin/sh\necho \"$*\" >> '" + systemctlCalls + "'\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        recorder.toFile().setExecutable(true);
        Map<String, String> env = new HashMap<>(Map.of(
                "XENPLANE_DAEMON_CONFIG", config.toString(),
                "XENPLANE_DAEMON_APP_DIR", root.resolve("usr/share/xenplane-daemon").toString(),
                "XENPLANE_DAEMON_STATE_DIR", stateDir.toString(),
                "XENPLANE_SYSTEMCTL", recorder.toString()));
        env.putAll(extra);
        List<String> command = new ArrayList<>(List.of(root.resolve("usr/bin/xenplane-daemon").toString()));
        command.addAll(List.of(arguments));
        return Commands.run(command, env, root);
    }
}
