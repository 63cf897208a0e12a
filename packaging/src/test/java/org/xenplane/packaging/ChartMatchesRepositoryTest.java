package org.xenplane.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The chart's list of services follows the repository: a service is enabled by default exactly when
 * its application module (services/apps/NAME) exists, and then it has an image (docker/NAME.Dockerfile).
 * Adding an application module without its chart entry and Dockerfile fails here.
 */
class ChartMatchesRepositoryTest {

    @Test
    void aServiceIsEnabledByDefaultExactlyWhenItsApplicationModuleExists() {
        assertThat(ChartValues.enabledServiceNames()).isEqualTo(Repository.serviceApplications());
    }

    @Test
    void everyServiceApplicationHasADockerfile() {
        for (String service : Repository.serviceApplications()) {
            assertThat(Repository.root().resolve("docker/" + service + ".Dockerfile")).as(service).isRegularFile();
        }
    }

    @Test
    void everyServiceNamesTheImageOfItsOwnName() {
        JsonNode services = ChartValues.read().path("services");
        for (String service : ChartValues.serviceNames()) {
            assertThat(services.path(service).path("image").asText()).isEqualTo(service);
            assertThat(ChartValues.paths(service)).as(service).isNotEmpty().allMatch(p -> p.startsWith("/api/v1/"));
        }
    }

    @Test
    void chartVersionAndAppVersionFollowTheMavenVersion() throws Exception {
        JsonNode chart = new ObjectMapper(new YAMLFactory()).readTree(Repository.chart().resolve("Chart.yaml").toFile());

        assertThat(chart.path("version").asText()).isEqualTo(Repository.mavenVersion());
        assertThat(chart.path("appVersion").asText()).isEqualTo(Repository.mavenVersion());
    }

    @Test
    void theMigrationJobImageAndTheDaemonImageHaveDockerfiles() {
        JsonNode values = ChartValues.read();
        assertThat(Files.isRegularFile(Repository.root().resolve(
                "docker/" + values.path("migrations").path("image").asText() + ".Dockerfile"))).isTrue();
        assertThat(Files.isRegularFile(Repository.root().resolve(
                "docker/" + values.path("hostDaemon").path("image").asText() + ".Dockerfile"))).isTrue();
    }
}
