package org.xenplane.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xenplane.packaging.RenderedChart.FULLNAME;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one Ingress routes each /api/v1 prefix to the service that owns it, generated from values.services. */
class IngressRoutesTest {

    @Test
    void everyPathOfEveryEnabledServiceRoutesToThatService() {
        Map<String, String> routes = routes(RenderedChart.with(RenderedChart.allServicesEnabled()));

        for (String service : ChartValues.serviceNames()) {
            for (String path : ChartValues.paths(service)) {
                assertThat(routes).as("route of %s", path).containsEntry(path, FULLNAME + "-" + service);
            }
        }
    }

    @Test
    void tasksAndEventsRouteToThePoolService() {
        Map<String, String> routes = routes(RenderedChart.withDefaults());

        assertThat(ChartValues.sharedPathsService()).isEqualTo("pool");
        assertThat(ChartValues.sharedPaths()).containsExactlyInAnyOrder("/api/v1/tasks", "/api/v1/events", "/api/v1/messages");
        ChartValues.sharedPaths().forEach(path -> assertThat(routes).containsEntry(path, FULLNAME + "-pool"));
    }

    @Test
    void defaultRoutesAreExactlyThoseOfTheEnabledServicesAndTheSharedPaths() {
        Map<String, String> routes = routes(RenderedChart.withDefaults());

        Map<String, String> expected = new LinkedHashMap<>();
        ChartValues.enabledServiceNames().forEach(service ->
                ChartValues.paths(service).forEach(path -> expected.put(path, FULLNAME + "-" + service)));
        ChartValues.sharedPaths().forEach(path -> expected.put(path, FULLNAME + "-" + ChartValues.sharedPathsService()));
        assertThat(routes).isEqualTo(expected);
    }

    @Test
    void routesArePrefixesOnTheServicesHttpPort() {
        JsonNode ingress = RenderedChart.withDefaults().get("Ingress", FULLNAME);

        for (JsonNode path : ingress.path("spec").path("rules").get(0).path("http").path("paths")) {
            assertThat(path.path("path").asText()).startsWith("/api/v1/");
            assertThat(path.path("pathType").asText()).isEqualTo("Prefix");
            assertThat(path.path("backend").path("service").path("port").path("name").asText()).isEqualTo("http");
        }
    }

    @Test
    void hostClassAndTlsFollowValues() {
        JsonNode ingress = RenderedChart.with(Map.of(
                "ingress.host", "xenplane.example.org",
                "ingress.className", "nginx",
                "ingress.tls[0].secretName", "xenplane-tls",
                "ingress.tls[0].hosts[0]", "xenplane.example.org")).get("Ingress", FULLNAME);

        assertThat(ingress.path("spec").path("ingressClassName").asText()).isEqualTo("nginx");
        assertThat(ingress.path("spec").path("rules").get(0).path("host").asText()).isEqualTo("xenplane.example.org");
        assertThat(ingress.path("spec").path("tls").get(0).path("secretName").asText()).isEqualTo("xenplane-tls");
    }

    @Test
    void aPathClaimedByTwoServicesStopsTheRender() {
        Map<String, Object> values = new LinkedHashMap<>(RenderedChart.allServicesEnabled());
        values.put("services.vm.paths[0]", "/api/v1/hosts");

        assertThatThrownBy(() -> RenderedChart.with(values)).hasMessageContaining("/api/v1/hosts is already owned by");
    }

    @Test
    void sharedPathsNeedAnEnabledService() {
        assertThatThrownBy(() -> RenderedChart.with(Map.of("services.ha.enabled", false, "sharedPaths.service", "ha")))
                .hasMessageContaining("sharedPaths.service: ha is not an enabled service");
    }

    @Test
    void noIngressWhenDisabled() {
        assertThat(RenderedChart.with(Map.of("ingress.enabled", false)).ofKind("Ingress")).isEmpty();
    }

    /** path -> backend Service name, from the rendered Ingress. */
    private static Map<String, String> routes(RenderedChart chart) {
        List<JsonNode> ingresses = chart.ofKind("Ingress");
        assertThat(ingresses).hasSize(1);
        Map<String, String> routes = new LinkedHashMap<>();
        for (JsonNode path : ingresses.get(0).path("spec").path("rules").get(0).path("http").path("paths")) {
            String previous = routes.put(path.path("path").asText(), path.path("backend").path("service").path("name").asText());
            assertThat(previous).as("path %s listed twice", path.path("path").asText()).isNull();
        }
        return routes;
    }
}
