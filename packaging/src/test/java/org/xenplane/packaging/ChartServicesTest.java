package org.xenplane.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenplane.packaging.RenderedChart.FULLNAME;
import static org.xenplane.packaging.RenderedChart.container;
import static org.xenplane.packaging.RenderedChart.envValue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each enabled service is a Deployment with probes and a Service; replicas and resources follow values. */
class ChartServicesTest {

    @Test
    void defaultValuesDeployEachEnabledServiceWithHealthProbes() {
        RenderedChart chart = RenderedChart.withDefaults();

        assertThat(deploymentNames(chart)).containsExactlyInAnyOrderElementsOf(
                ChartValues.enabledServiceNames().stream().map(n -> FULLNAME + "-" + n).toList());
        ChartValues.enabledServiceNames().forEach(name -> assertServiceWithProbes(chart, name));
    }

    @Test
    void everyServiceOfTheValuesGetsADeploymentWithHealthProbesOnceEnabled() {
        RenderedChart chart = RenderedChart.with(RenderedChart.allServicesEnabled());

        assertThat(deploymentNames(chart)).hasSize(ChartValues.serviceNames().size());
        ChartValues.serviceNames().forEach(name -> assertServiceWithProbes(chart, name));
    }

    @Test
    void disabledServicesGetNoObjects() {
        RenderedChart chart = RenderedChart.with(Map.of("services.vm.enabled", false));

        assertThat(chart.find("Deployment", FULLNAME + "-vm")).isEmpty();
        assertThat(chart.find("Service", FULLNAME + "-vm")).isEmpty();
        assertThat(chart.find("PodDisruptionBudget", FULLNAME + "-vm")).isEmpty();
    }

    @Test
    void replicasAndResourcesFollowTheServiceEntryThenTheDefaults() {
        Map<String, Object> values = new LinkedHashMap<>(RenderedChart.allServicesEnabled());
        values.put("serviceDefaults.replicas", 3);
        values.put("serviceDefaults.resources.limits.memory", "1Gi");
        values.put("services.pool.replicas", 5);
        values.put("services.pool.resources.requests.cpu", "2");
        values.put("services.pool.resources.limits.memory", "2Gi");

        RenderedChart chart = RenderedChart.with(values);

        JsonNode pool = chart.get("Deployment", FULLNAME + "-pool");
        assertThat(pool.path("spec").path("replicas").asInt()).isEqualTo(5);
        assertThat(container(pool).path("resources").path("requests").path("cpu").asText()).isEqualTo("2");
        assertThat(container(pool).path("resources").path("limits").path("memory").asText()).isEqualTo("2Gi");
        JsonNode vm = chart.get("Deployment", FULLNAME + "-vm");
        assertThat(vm.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(container(vm).path("resources").path("limits").path("memory").asText()).isEqualTo("1Gi");
        assertThat(container(vm).path("resources").path("requests").path("cpu").asText()).isEqualTo("250m");
    }

    @Test
    void autoscalingReplacesFixedReplicasWithAHorizontalPodAutoscaler() {
        RenderedChart chart = RenderedChart.with(Map.of(
                "services.pool.autoscaling.enabled", true,
                "services.pool.autoscaling.minReplicas", 3,
                "services.pool.autoscaling.maxReplicas", 9,
                "services.pool.autoscaling.targetCPUUtilizationPercentage", 60));

        JsonNode hpa = chart.get("HorizontalPodAutoscaler", FULLNAME + "-pool");
        assertThat(hpa.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo(FULLNAME + "-pool");
        assertThat(hpa.path("spec").path("minReplicas").asInt()).isEqualTo(3);
        assertThat(hpa.path("spec").path("maxReplicas").asInt()).isEqualTo(9);
        assertThat(hpa.path("spec").path("metrics").get(0).path("resource").path("target").path("averageUtilization").asInt())
                .isEqualTo(60);
        assertThat(chart.get("Deployment", FULLNAME + "-pool").path("spec").has("replicas")).isFalse();
        assertThat(RenderedChart.withDefaults().ofKind("HorizontalPodAutoscaler")).isEmpty();
    }

    @Test
    void podDisruptionBudgetIsOnByDefaultAndCanBeTurnedOffPerService() {
        JsonNode pdb = RenderedChart.withDefaults().get("PodDisruptionBudget", FULLNAME + "-pool");
        assertThat(pdb.path("spec").path("minAvailable").asInt()).isEqualTo(1);
        assertThat(pdb.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/component").asText())
                .isEqualTo("service-pool");

        RenderedChart off = RenderedChart.with(Map.of("services.pool.podDisruptionBudget.enabled", false));
        assertThat(off.ofKind("PodDisruptionBudget")).extracting(n -> n.path("metadata").path("name").asText())
                .isNotEmpty().doesNotContain(FULLNAME + "-pool");
    }

    @Test
    void replicasListenInsideThePodAndLeaveMigrationsToTheJob() {
        JsonNode pool = container(RenderedChart.withDefaults().get("Deployment", FULLNAME + "-pool"));

        assertThat(envValue(pool, "XENPLANE_HOST")).isEqualTo("0.0.0.0");
        assertThat(envValue(pool, "XENPLANE_PORT")).isEqualTo("8080");
        assertThat(envValue(pool, "QUARKUS_FLYWAY_MIGRATE_AT_START")).isEqualTo("false");
        assertThat(envValue(pool, "XENPLANE_SCHEMA_WAIT_TIMEOUT")).isEqualTo("10m");
    }

    @Test
    void theVmServiceCallsTheStorageServiceWhenItIsDeployed() {
        JsonNode vm = container(RenderedChart.withDefaults().get("Deployment", FULLNAME + "-vm"));
        assertThat(envValue(vm, "XENPLANE_STORAGE_URL")).isEqualTo("http://" + FULLNAME + "-storage:8080");
        assertThat(RenderedChart.env(container(RenderedChart.withDefaults().get("Deployment", FULLNAME + "-pool")),
                "XENPLANE_STORAGE_URL")).isEmpty();
        JsonNode alone = container(RenderedChart.with(Map.of("services.storage.enabled", false)).get("Deployment", FULLNAME + "-vm"));
        assertThat(RenderedChart.env(alone, "XENPLANE_STORAGE_URL")).isEmpty();
    }

    @Test
    void theVmServiceCallsTheNetworkServiceWhenItIsDeployed() {
        JsonNode vm = container(RenderedChart.withDefaults().get("Deployment", FULLNAME + "-vm"));
        assertThat(envValue(vm, "XENPLANE_NETWORK_URL")).isEqualTo("http://" + FULLNAME + "-network:8080");
        assertThat(RenderedChart.env(container(RenderedChart.withDefaults().get("Deployment", FULLNAME + "-storage")),
                "XENPLANE_NETWORK_URL")).isEmpty();
        JsonNode alone = container(RenderedChart.with(Map.of("services.network.enabled", false)).get("Deployment", FULLNAME + "-vm"));
        assertThat(RenderedChart.env(alone, "XENPLANE_NETWORK_URL")).isEmpty();
    }

    @Test
    void servicesRunAsNonRootWithAReadOnlyRootFileSystem() {
        JsonNode deployment = RenderedChart.withDefaults().get("Deployment", FULLNAME + "-pool");
        JsonNode pod = deployment.path("spec").path("template").path("spec");

        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(10001);
        assertThat(container(deployment).path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container(deployment).path("securityContext").path("allowPrivilegeEscalation").asBoolean()).isFalse();
    }

    @Test
    void imagesComeFromTheConfiguredRegistryWithTheChartVersionAsDefaultTag() {
        String defaultImage = container(RenderedChart.withDefaults().get("Deployment", FULLNAME + "-pool")).path("image").asText();
        assertThat(defaultImage).isEqualTo("xenplane/pool:" + Repository.mavenVersion());

        RenderedChart chart = RenderedChart.with(Map.of("image.registry", "registry.example:5000", "image.tag", "1.2.3"));
        assertThat(container(chart.get("Deployment", FULLNAME + "-pool")).path("image").asText())
                .isEqualTo("registry.example:5000/xenplane/pool:1.2.3");
    }

    private static void assertServiceWithProbes(RenderedChart chart, String name) {
        JsonNode deployment = chart.get("Deployment", FULLNAME + "-" + name);
        JsonNode c = container(deployment);
        assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/live");
        assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/ready");
        assertThat(c.path("startupProbe").path("httpGet").path("path").asText()).as(name).isEqualTo("/q/health/started");
        assertThat(c.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
        assertThat(c.path("image").asText()).as(name).contains("/" + name + ":");

        JsonNode service = chart.get("Service", FULLNAME + "-" + name);
        assertThat(service.path("spec").path("selector"))
                .isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));
        assertThat(deployment.path("spec").path("template").path("metadata").path("labels").path("app.kubernetes.io/component").asText())
                .isEqualTo("service-" + name);
    }

    private static List<String> deploymentNames(RenderedChart chart) {
        return chart.ofKind("Deployment").stream().map(d -> d.path("metadata").path("name").asText()).toList();
    }
}
