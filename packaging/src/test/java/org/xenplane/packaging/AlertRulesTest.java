package org.xenplane.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chart's alert rules pass promtool's check, and fire (or not) as its unit tests expect. */
class AlertRulesTest {
    private static final Path RULES = Repository.chart().resolve("files/prometheus-rules.yaml");

    @Test
    void rulesFilePassesPromtoolCheck() {
        Commands.Result check = Commands.run(List.of("promtool", "check", "rules", RULES.toString()));

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
    }

    @Test
    void alertsFireWhenAServiceIsDownOrFailsAndNotBefore(@TempDir Path dir) throws IOException {
        Path tests = dir.resolve("alert-rules-test.yaml");
        try (InputStream in = getClass().getResourceAsStream("/alert-rules-test.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(tests, "rule_files:\n  - " + RULES + "\n" + text);
        }

        Commands.Result test = Commands.run(List.of("promtool", "test", "rules", tests.toString()));

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }
}
