package org.xenplane.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xenplane.packaging.RenderedChart.FULLNAME;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Secret values never appear in a workload: containers get them by secretKeyRef only. */
class ChartSecretsTest {
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|TOKEN|SECRET|CREDENTIAL).*");
    private static final String DB_PASSWORD = "db-Pa55word-only-in-a-secret";
    private static final String ADMIN_TOKEN = "xpu_admin-token-only-in-a-secret";

    @Test
    void secretsReachContainersOnlyBySecretKeyRef() {
        Map<String, Object> everything = new LinkedHashMap<>(RenderedChart.allServicesEnabled());
        everything.put("hostDaemon.enabled", true);
        everything.put("hostDaemon.joinTokensSecret", "xenplane-join-tokens");
        everything.put("hostDaemon.metricsTokenSecret", "xenplane-daemon-metrics");
        for (RenderedChart chart : List.of(RenderedChart.withDefaults(), RenderedChart.with(everything))) {
            assertThat(chart.containers()).isNotEmpty();
            for (JsonNode container : chart.containers()) {
                for (JsonNode env : container.path("env")) {
                    String name = env.path("name").asText();
                    if (SECRET_NAME.matcher(name).matches() && !name.endsWith("_FILE")) {
                        assertThat(env.has("value")).as("%s of %s has a literal value", name, container.path("name")).isFalse();
                        assertThat(env.path("valueFrom").has("secretKeyRef")).as("%s is not from a Secret", name).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void givenSecretValuesAppearOnlyInsideTheSecretsTheChartMakes() {
        RenderedChart chart = RenderedChart.withHooksShown(Map.of(
                "postgresql.enabled", false,
                "database.url", "jdbc:postgresql://db.example:5432/xenplane",
                "database.password", DB_PASSWORD,
                "bootstrapAdmin.token", ADMIN_TOKEN));

        assertThat(chart.text).doesNotContain(DB_PASSWORD).doesNotContain(ADMIN_TOKEN);
        assertThat(secretValue(chart, FULLNAME + "-database", "password")).isEqualTo(DB_PASSWORD);
        assertThat(secretValue(chart, FULLNAME + "-bootstrap-admin", "token")).isEqualTo(ADMIN_TOKEN);
        for (JsonNode object : chart.objects) {
            if (!"Secret".equals(object.path("kind").asText())) {
                assertThat(object.toString()).doesNotContain(b64(DB_PASSWORD)).doesNotContain(b64(ADMIN_TOKEN));
            }
        }
    }

    @Test
    void existingSecretsAreReferencedAndTheChartMakesNone() {
        RenderedChart chart = RenderedChart.withHooksShown(Map.of(
                "postgresql.enabled", false,
                "database.url", "jdbc:postgresql://db.example:5432/xenplane",
                "database.existingSecret", "corp-db",
                "database.passwordKey", "pg-password",
                "bootstrapAdmin.existingSecret", "corp-admin",
                "bootstrapAdmin.tokenKey", "api-token"));

        assertThat(chart.ofKind("Secret")).isEmpty();
        JsonNode pool = RenderedChart.container(chart.get("Deployment", FULLNAME + "-pool"));
        assertThat(secretRef(pool, "XENPLANE_DB_PASSWORD")).isEqualTo("corp-db/pg-password");
        assertThat(secretRef(pool, "XENPLANE_BOOTSTRAP_ADMIN_TOKEN")).isEqualTo("corp-admin/api-token");
        JsonNode migrate = RenderedChart.container(chart.ofKind("Job").get(0));
        assertThat(secretRef(migrate, "XENPLANE_DB_PASSWORD")).isEqualTo("corp-db/pg-password");
    }

    @Test
    void generatedSecretsAreMadeOnceAtInstallAndKept() {
        RenderedChart chart = RenderedChart.withHooksShown(Map.of());

        for (String name : List.of(FULLNAME + "-postgresql", FULLNAME + "-bootstrap-admin")) {
            JsonNode annotations = chart.get("Secret", name).path("metadata").path("annotations");
            assertThat(annotations.path(RenderedChart.HOOK_SEEN_BY_TEST).asText()).as(name).isEqualTo("pre-install");
            assertThat(annotations.path("helm.sh/resource-policy").asText()).as(name).isEqualTo("keep");
        }
        assertThat(secretValue(chart, FULLNAME + "-bootstrap-admin", "token")).matches("xpu_[A-Za-z0-9]{43}");
        assertThat(secretValue(chart, FULLNAME + "-postgresql", "password")).matches("[A-Za-z0-9]{32}");
        assertThat(RenderedChart.withHooksShown(Map.of()).text).as("a new install draws new secrets").isNotEqualTo(chart.text);
    }

    @Test
    void theChartNeverLooksUpTheClusterSoItRendersWithoutOne() throws Exception {
        try (Stream<Path> templates = Files.list(Repository.chart().resolve("templates"))) {
            for (Path template : templates.toList()) {
                assertThat(Files.readString(template)).as(template.toString()).doesNotContain("lookup ");
            }
        }
    }

    @Test
    void anExternalDatabaseWithoutAPasswordSourceStopsTheRender() {
        assertThatThrownBy(() -> RenderedChart.with(Map.of(
                "postgresql.enabled", false, "database.url", "jdbc:postgresql://db.example:5432/xenplane")))
                .hasMessageContaining("database.existingSecret");
    }

    private static String secretValue(RenderedChart chart, String name, String key) {
        String encoded = chart.get("Secret", name).path("data").path(key).asText();
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static String secretRef(JsonNode container, String env) {
        JsonNode ref = RenderedChart.env(container, env).orElseThrow().path("valueFrom").path("secretKeyRef");
        return ref.path("name").asText() + "/" + ref.path("key").asText();
    }

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
