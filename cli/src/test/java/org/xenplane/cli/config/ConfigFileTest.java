package org.xenplane.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;

class ConfigFileTest {
    @TempDir
    Path home;

    private final Context lab = new Context("http://lab:8080", "admin", "xpu_secret-one", Context.CredentialKind.SESSION);
    private final Context prod = new Context("https://prod", "ops", "xpu_secret-two", Context.CredentialKind.TOKEN);

    @Test
    void xdgConfigHomeWinsOverHome() {
        assertThat(ConfigFile.locate(Map.of("HOME", "/home/a", "XDG_CONFIG_HOME", "/xdg")).path())
                .isEqualTo(Path.of("/xdg/xenplane/config"));
        assertThat(ConfigFile.locate(Map.of("HOME", "/home/a")).path()).isEqualTo(Path.of("/home/a/.config/xenplane/config"));
    }

    @Test
    void contextsSurviveARoundTripInAFileOnlyItsOwnerMayRead() throws Exception {
        ConfigFile file = ConfigFile.locate(Map.of("HOME", home.toString()));
        file.write(file.read().with("lab", lab).with("prod", prod));

        ConfigFile.Contexts read = file.read();
        assertThat(read.current()).isEqualTo("prod");
        assertThat(read.contexts()).containsEntry("lab", lab).containsEntry("prod", prod);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path().getParent()))).isEqualTo("rwx------");
    }

    @Test
    void removingTheCurrentContextLeavesNoneCurrent() {
        ConfigFile.Contexts contexts = new ConfigFile.Contexts(null, Map.of()).with("lab", lab).with("prod", prod);

        ConfigFile.Contexts after = contexts.without("prod");

        assertThat(after.current()).isNull();
        assertThat(after.contexts()).containsOnlyKeys("lab");
        assertThat(after.using("lab").current()).isEqualTo("lab");
    }

    @Test
    void theEnvironmentOverridesTheContextAndAnUnknownContextIsAnError() {
        ConfigFile.Contexts contexts = new ConfigFile.Contexts(null, Map.of()).with("lab", lab);

        assertThat(Connection.resolve(contexts, null, Map.of())).isEqualTo(new Connection("http://lab:8080", "xpu_secret-one"));
        assertThat(Connection.resolve(contexts, null, Map.of("XENPLANE_URL", "http://other/", "XENPLANE_TOKEN", "t")))
                .isEqualTo(new Connection("http://other", "t"));
        assertThatThrownBy(() -> Connection.resolve(contexts, "nope", Map.of()))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exit()).isEqualTo(ExitCode.USAGE));
        assertThatThrownBy(() -> Connection.resolve(new ConfigFile.Contexts(null, Map.of()), null, Map.of()))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exit()).isEqualTo(ExitCode.PERMISSION));
    }
}
