package org.xenplane.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenplane.packaging.RenderedChart.FULLNAME;
import static org.xenplane.packaging.RenderedChart.container;
import static org.xenplane.packaging.RenderedChart.envValue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the database comes from, and the Job that migrates it once per install and upgrade. */
class ChartDatabaseAndMigrationsTest {
    private static final String EXTERNAL = "jdbc:postgresql://db.example:5432/xenplane";

    @Test
    void byDefaultAnEvaluationPostgresqlServesEveryProcess() {
        RenderedChart chart = RenderedChart.withDefaults();

        JsonNode postgres = chart.get("StatefulSet", FULLNAME + "-postgresql");
        assertThat(postgres.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(chart.get("Service", FULLNAME + "-postgresql").path("spec").path("ports").get(0).path("port").asInt())
                .isEqualTo(5432);
        String url = "jdbc:postgresql://" + FULLNAME + "-postgresql:5432/xenplane";
        for (JsonNode workload : workloadsUsingTheDatabase(chart)) {
            assertThat(envValue(container(workload), "XENPLANE_DB_URL")).isEqualTo(url);
            assertThat(envValue(container(workload), "XENPLANE_DB_USER")).isEqualTo("xenplane");
        }
    }

    @Test
    void anExternalDatabaseReplacesTheEvaluationOne() {
        RenderedChart chart = RenderedChart.with(Map.of(
                "postgresql.enabled", false,
                "database.url", EXTERNAL,
                "database.user", "xp_app",
                "database.existingSecret", "corp-db"));

        assertThat(chart.ofKind("StatefulSet")).isEmpty();
        for (JsonNode workload : workloadsUsingTheDatabase(chart)) {
            assertThat(envValue(container(workload), "XENPLANE_DB_URL")).isEqualTo(EXTERNAL);
            assertThat(envValue(container(workload), "XENPLANE_DB_USER")).isEqualTo("xp_app");
        }
    }

    @Test
    void aJobNamedForTheRevisionMigratesWithTheServerImageAndExits() {
        RenderedChart chart = RenderedChart.withDefaults();

        List<JsonNode> jobs = chart.ofKind("Job");
        assertThat(jobs).hasSize(1);
        JsonNode job = jobs.get(0);
        assertThat(job.path("metadata").path("name").asText()).isEqualTo(FULLNAME + "-migrate-1");
        assertThat(job.path("metadata").path("annotations").has("helm.sh/hook")).as("a plain object, not a hook").isFalse();
        assertThat(job.path("spec").path("template").path("spec").path("restartPolicy").asText()).isEqualTo("Never");
        JsonNode migrate = container(job);
        assertThat(migrate.path("image").asText()).isEqualTo("xenplane/server:" + Repository.mavenVersion());
        assertThat(envValue(migrate, "QUARKUS_INIT_AND_EXIT")).isEqualTo("true");
        assertThat(envValue(migrate, "QUARKUS_FLYWAY_MIGRATE_AT_START")).isEqualTo("true");
    }

    @Test
    void onlyTheJobMigrates() {
        RenderedChart chart = RenderedChart.with(RenderedChart.allServicesEnabled());

        for (JsonNode deployment : chart.ofKind("Deployment")) {
            assertThat(envValue(container(deployment), "QUARKUS_FLYWAY_MIGRATE_AT_START")).isEqualTo("false");
            assertThat(RenderedChart.env(container(deployment), "QUARKUS_INIT_AND_EXIT")).isEmpty();
        }
    }

    private static List<JsonNode> workloadsUsingTheDatabase(RenderedChart chart) {
        List<JsonNode> workloads = new java.util.ArrayList<>(chart.ofKind("Deployment"));
        workloads.addAll(chart.ofKind("Job"));
        assertThat(workloads).hasSizeGreaterThanOrEqualTo(2);
        return workloads;
    }
}
