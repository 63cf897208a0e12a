package org.xenplane.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * Runs the login lines of the README's "Using the API" against this server with bash and curl: a
 * wrong password must fail with the server's problem on stderr, never leave the problem in TOKEN.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ReadmeLoginTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theReadmeLoginFailsLoudlyOnAWrongPassword() throws Exception {
        Result result = runLogin("not-the-password");
        assertThat(result.exit()).as(result.toString()).isNotZero();
        assertThat(result.stderr()).contains("login failed", "SESSION_AUTHENTICATION_FAILED", "wrong user name or password");
        assertThat(result.stdout()).as("TOKEN").isEmpty();
    }

    @Test
    void theReadmeLoginSetsTheTokenOnTheRightPassword() throws Exception {
        Result result = runLogin("test-admin-password");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("xpu_");
    }

    private Result runLogin(String password) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("readme-login");
        Files.createDirectories(dir.resolve(".xenplane"));
        Files.writeString(dir.resolve(".xenplane/admin-password"), password);
        String script = "set -e\n" + loginLines().replace("http://127.0.0.1:8080/", base.toString())
                + "\nprintf '%s' \"$TOKEN\"\n";
        Process bash = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(bash.exitValue(), new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(bash.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The README's shell lines up to the first use of the token. */
    private static String loginLines() throws IOException {
        String readme = Files.readString(Path.of("../../README.md"));
        String section = readme.substring(readme.indexOf("## Using the API"));
        String block = section.substring(section.indexOf("```sh\n") + 6);
        return block.substring(0, block.indexOf("curl -H \"Authorization: Bearer $TOKEN\""));
    }

    private record Result(int exit, String stdout, String stderr) {
    }
}
