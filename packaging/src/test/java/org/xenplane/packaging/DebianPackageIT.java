package org.xenplane.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The host daemon's .deb: its control data and contents, and what an install into a throw-away root leaves there. */
class DebianPackageIT {
    private static final String UNIT = "lib/systemd/system/xenplane-daemon.service";

    @Test
    void controlDataNamesThePackageItsVersionAndWhatItNeeds() {
        String info = Commands.run(List.of("dpkg-deb", "--info", DebianPackage.file().toString())).expectSuccess().output();

        assertThat(field(info, "Package")).isEqualTo("xenplane-daemon");
        assertThat(field(info, "Version")).isEqualTo(DebianPackage.debianVersion());
        assertThat(field(info, "Architecture")).isEqualTo("all");
        assertThat(field(info, "Depends")).isEqualTo("openjdk-17-jre-headless | java17-runtime-headless, qemu-utils, iproute2");
        assertThat(field(info, "Recommends")).isEqualTo("libxenmisc4.17");
        assertThat(info).contains("conffiles").contains("postinst").contains("prerm").contains("postrm");
    }

    @Test
    void contentsAreTheApplicationTheLauncherTheUnitAndTheConfig() {
        String contents = Commands.run(List.of("dpkg-deb", "--contents", DebianPackage.file().toString())).expectSuccess().output();

        assertThat(contents)
                .containsPattern("-rwxr-xr-x root/root .* \\./usr/bin/xenplane-daemon\n")
                .containsPattern("-rw-r--r-- root/root .* \\./" + UNIT + "\n")
                .containsPattern("-rw------- root/root .* \\./etc/xenplane/daemon.conf\n")
                .containsPattern("-rw-r--r-- root/root .* \\./usr/share/xenplane-daemon/quarkus-run.jar\n")
                .containsPattern("\\./usr/share/xenplane-daemon/lib/main/.*\\.jar\n")
                .containsPattern("\\./usr/share/doc/xenplane-daemon/README.md\n");
        assertThat(contents.lines().filter(l -> l.startsWith("-") || l.startsWith("d")))
                .allMatch(l -> l.contains(" root/root "))
                .noneMatch(l -> l.charAt(8) == 'w');
    }

    @Test
    void installingPutsEveryPieceInPlaceAndRegistersTheConfigAsAConffile() throws IOException {
        Path root = DebianPackage.installedRoot();

        assertThat(DebianPackage.dpkg(root, "--status", "xenplane-daemon").expectSuccess().output())
                .contains("Status: install ok installed");
        String conffiles = Commands.run(List.of("dpkg-query", "--admindir=" + root.resolve("var/lib/dpkg"),
                "--showformat=${Conffiles}", "--show", "xenplane-daemon")).expectSuccess().output();
        assertThat(conffiles).contains("/etc/xenplane/daemon.conf");
        assertThat(Files.isExecutable(root.resolve("usr/bin/xenplane-daemon"))).isTrue();
        assertThat(root.resolve("usr/share/xenplane-daemon/quarkus-run.jar")).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("etc/xenplane/daemon.conf"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("var/lib/xenplane-daemon"))))
                .as("postinst made the state directory").isEqualTo("rwx------");
        String launcher = Files.readString(root.resolve("usr/bin/xenplane-daemon"));
        assertThat(launcher).contains("app_dir=${XENPLANE_DAEMON_APP_DIR:-/usr/share/xenplane-daemon}");
    }

    @Test
    void theUnitRunsTheLauncherAsRootAfterXenAndRestartsOnFailure() throws IOException {
        String unit = Files.readString(DebianPackage.installedRoot().resolve(UNIT));

        assertThat(unit).contains("ExecStart=/usr/bin/xenplane-daemon run\n")
                .contains("User=root\n")
                .contains("Restart=on-failure\n")
                .contains("EnvironmentFile=/etc/xenplane/daemon.conf\n")
                .contains("WantedBy=multi-user.target\n")
                .containsPattern("After=.*\\bxen\\.service\\b.*")
                .containsPattern("After=.*\\bxenstored\\.service\\b.*")
                .containsPattern("After=.*\\bxenconsoled\\.service\\b.*")
                .containsPattern("Wants=.*\\bxenstored\\.service\\b.*")
                .doesNotContainPattern("(?m)^(Requires|BindsTo)=");
    }

    @Test
    void systemdFindsNothingToCriticiseInTheInstalledUnit() throws IOException {
        Path root = DebianPackage.installedRoot();
        copyHostUnits(root);

        Commands.Result verify = Commands.run(List.of("systemd-analyze", "verify", "--root=" + root, "xenplane-daemon.service"));

        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).isBlank();
    }

    @Test
    void systemdVerificationCatchesABrokenUnit() throws IOException {
        Path root = DebianPackage.installedRoot();
        copyHostUnits(root);
        Path unit = root.resolve(UNIT);
        Files.writeString(unit, Files.readString(unit).replace("Restart=on-failure", "Restart=sometimes"));

        assertThat(Commands.run(List.of("systemd-analyze", "verify", "--root=" + root, "xenplane-daemon.service")).output())
                .contains("sometimes");
    }

    @Test
    void purgingRemovesTheFilesTheConfigAndTheHostIdentity() throws IOException {
        Path root = DebianPackage.installedRoot();
        Files.writeString(root.resolve("var/lib/xenplane-daemon/sim-host-1.json"), "{}");

        DebianPackage.dpkg(root, "--purge", "xenplane-daemon").expectSuccess();

        assertThat(root.resolve("usr/bin/xenplane-daemon")).doesNotExist();
        assertThat(root.resolve("usr/share/xenplane-daemon")).doesNotExist();
        assertThat(root.resolve("etc/xenplane/daemon.conf")).doesNotExist();
        assertThat(root.resolve("var/lib/xenplane-daemon")).doesNotExist();
    }

    @Test
    void reinstallingKeepsAnEditedConfig() throws IOException {
        Path root = DebianPackage.installedRoot();
        Path config = root.resolve("etc/xenplane/daemon.conf");
        Files.writeString(config, "XENPLANE_DAEMON_CONTROL_PLANE_URL=https://xenplane.example\n");

        DebianPackage.dpkg(root, "--force-confold", "--install", DebianPackage.file().toString()).expectSuccess();

        assertThat(Files.readString(config)).isEqualTo("XENPLANE_DAEMON_CONTROL_PLANE_URL=https://xenplane.example\n");
    }

    /** systemd-analyze verify --root needs the units ours depends on (targets, slices) in that root. */
    private static void copyHostUnits(Path root) throws IOException {
        Path hostUnits = Path.of("/lib/systemd/system");
        Path units = root.resolve("lib/systemd/system");
        try (Stream<Path> files = Files.list(hostUnits)) {
            for (Path file : files.toList()) {
                Path target = units.resolve(file.getFileName().toString());
                if (Files.isRegularFile(file) && !Files.exists(target)) {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static String field(String info, String name) {
        return info.lines().map(String::strip).filter(l -> l.startsWith(name + ": ")).findFirst()
                .map(l -> l.substring(name.length() + 2)).orElseThrow(() -> new AssertionError("no " + name + " in\n" + info));
    }
}
