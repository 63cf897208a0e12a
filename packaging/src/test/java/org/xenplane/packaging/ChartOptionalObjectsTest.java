package org.xenplane.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenplane.packaging.RenderedChart.FULLNAME;
import static org.xenplane.packaging.RenderedChart.container;
import static org.xenplane.packaging.RenderedChart.envValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ServiceMonitor, PrometheusRule, dashboards and the host daemon DaemonSet: each off by default, on by value. */
class ChartOptionalObjectsTest {

    @Test
    void optionalObjectsAreOffByDefault() {
        RenderedChart chart = RenderedChart.withDefaults();

        for (String kind : List.of("ServiceMonitor", "PodMonitor", "PrometheusRule", "ConfigMap", "DaemonSet",
                "HorizontalPodAutoscaler")) {
            assertThat(chart.ofKind(kind)).as(kind).isEmpty();
        }
    }

    @Test
    void serviceMonitorScrapesQMetricsOfEveryServiceAndLabelsItsMetrics() {
        RenderedChart chart = RenderedChart.with(Map.of(
                "metrics.serviceMonitor.enabled", true, "metrics.serviceMonitor.labels.release", "kube-prometheus"));

        JsonNode monitor = chart.get("ServiceMonitor", FULLNAME);
        assertThat(monitor.path("metadata").path("labels").path("release").asText()).isEqualTo("kube-prometheus");
        JsonNode endpoint = monitor.path("spec").path("endpoints").get(0);
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        assertThat(endpoint.path("port").asText()).isEqualTo("http");
        assertThat(monitor.path("spec").path("targetLabels").get(0).asText()).isEqualTo("xenplane.io/service");
        JsonNode selector = monitor.path("spec").path("selector").path("matchLabels");
        for (JsonNode service : chart.ofKind("Service")) {
            boolean selected = selector.properties().stream().allMatch(e ->
                    e.getValue().asText().equals(service.path("metadata").path("labels").path(e.getKey()).asText()));
            boolean isXenplaneService = !service.path("metadata").path("name").asText().endsWith("-postgresql");
            assertThat(selected).as("%s selected", service.path("metadata").path("name")).isEqualTo(isXenplaneService);
        }
    }

    @Test
    void prometheusRuleCarriesTheRulesFile() throws Exception {
        JsonNode rule = RenderedChart.with(Map.of("metrics.prometheusRule.enabled", true)).get("PrometheusRule", FULLNAME);

        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(Repository.chart().resolve("files/prometheus-rules.yaml").toFile());
        assertThat(rule.path("spec")).isEqualTo(file);
        assertThat(rule.path("spec").path("groups").get(0).path("rules").size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void eachDashboardBecomesAConfigMapForGrafana() throws Exception {
        RenderedChart chart = RenderedChart.with(Map.of("metrics.dashboards.enabled", true));

        List<Path> dashboards;
        try (Stream<Path> files = Files.list(Repository.chart().resolve("dashboards"))) {
            dashboards = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(dashboards).isNotEmpty();
        assertThat(chart.ofKind("ConfigMap")).hasSize(dashboards.size());
        for (Path dashboard : dashboards) {
            String file = dashboard.getFileName().toString();
            JsonNode map = chart.get("ConfigMap", FULLNAME + "-dashboard-" + file.replace(".json", ""));
            assertThat(map.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
            JsonNode parsed = new ObjectMapper().readTree(map.path("data").path(file).asText());
            assertThat(parsed).isEqualTo(new ObjectMapper().readTree(dashboard.toFile()));
            assertThat(parsed.path("panels").size()).isPositive();
        }
    }

    @Test
    void hostDaemonDaemonSetRunsPrivilegedOnXenNodesAndJoinsThroughThePoolService() {
        RenderedChart chart = RenderedChart.with(Map.of(
                "hostDaemon.enabled", true, "hostDaemon.joinTokensSecret", "xenplane-join-tokens"));

        JsonNode daemonSet = chart.get("DaemonSet", FULLNAME + "-host-daemon");
        JsonNode pod = daemonSet.path("spec").path("template").path("spec");
        JsonNode daemon = container(daemonSet);
        assertThat(pod.path("nodeSelector").path("xenplane.io/xen-dom0").asText()).isEqualTo("true");
        assertThat(pod.path("hostNetwork").asBoolean()).isTrue();
        assertThat(daemon.path("securityContext").path("privileged").asBoolean()).isTrue();
        assertThat(daemon.path("image").asText()).isEqualTo("xenplane/host-daemon:" + Repository.mavenVersion());
        assertThat(envValue(daemon, "XENPLANE_DAEMON_CONTROL_PLANE_URL"))
                .isEqualTo("http://" + FULLNAME + "-pool." + RenderedChart.NAMESPACE + ".svc:8080");
        assertThat(envValue(daemon, "XENPLANE_DAEMON_JOIN_TOKEN_FILE")).isEqualTo("/etc/xenplane/join-tokens/$(NODE_NAME)");
        assertThat(volume(pod, "state").path("hostPath").path("path").asText()).isEqualTo("/var/lib/xenplane-daemon");
        assertThat(volume(pod, "join-tokens").path("secret").path("secretName").asText()).isEqualTo("xenplane-join-tokens");
        assertThat(daemon.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
    }

    @Test
    void hostDaemonsAreScrapedWithTheirMetricsTokenAsJobXenplaneDaemon() {
        RenderedChart chart = RenderedChart.with(Map.of("hostDaemon.enabled", true,
                "hostDaemon.metricsTokenSecret", "xenplane-daemon-metrics", "metrics.serviceMonitor.enabled", true));

        JsonNode daemon = container(chart.get("DaemonSet", FULLNAME + "-host-daemon"));
        JsonNode token = env(daemon, "XENPLANE_DAEMON_METRICS_TOKEN").path("valueFrom").path("secretKeyRef");
        assertThat(token.path("name").asText()).isEqualTo("xenplane-daemon-metrics");
        assertThat(token.path("key").asText()).isEqualTo("token");
        JsonNode monitor = chart.get("PodMonitor", FULLNAME + "-host-daemon");
        JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").get(0);
        assertThat(endpoint.path("port").asText()).isEqualTo("daemon");
        assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
        assertThat(endpoint.path("authorization").path("credentials").path("name").asText()).isEqualTo("xenplane-daemon-metrics");
        assertThat(endpoint.path("relabelings").get(0).path("replacement").asText()).isEqualTo("xenplane-daemon");
        assertThat(monitor.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/component").asText())
                .isEqualTo("host-daemon");
    }

    @Test
    void withoutAMetricsTokenTheDaemonsAreNotScraped() {
        RenderedChart chart = RenderedChart.with(Map.of("hostDaemon.enabled", true, "metrics.serviceMonitor.enabled", true));

        assertThat(chart.ofKind("PodMonitor")).isEmpty();
        JsonNode daemon = container(chart.get("DaemonSet", FULLNAME + "-host-daemon"));
        for (JsonNode e : daemon.path("env")) {
            assertThat(e.path("name").asText()).isNotEqualTo("XENPLANE_DAEMON_METRICS_TOKEN");
        }
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e;
            }
        }
        throw new AssertionError("no env " + name + " in " + container.path("name"));
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name + " in " + pod);
    }
}
