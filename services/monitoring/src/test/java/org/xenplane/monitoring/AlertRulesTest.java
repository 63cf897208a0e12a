package org.xenplane.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alarms' Prometheus alert rules (group {@code xenplane-alarms} of the chart's
 * {@code files/prometheus-rules.yaml}) and the chart's Grafana dashboards: {@code promtool check
 * rules} and {@code promtool test rules} pass (Debian's prometheus package, installed by .ci/run),
 * and the dashboards query only series Xenplane exposes. Against a real Prometheus scraping a real
 * server and daemon: services/server's PrometheusScrapeIT.
 */
class AlertRulesTest {
    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "../.."));
    private static final Path CHART = ROOT.resolve("charts/xenplane");
    private static final Path RULES = CHART.resolve("files/prometheus-rules.yaml");
    private static final Pattern XENPLANE_SERIES = Pattern.compile("\\bxenplane_[a-z_]+");
    /** Every series the daemon's PrometheusText writes. */
    private static final List<String> EXPOSED = List.of("xenplane_host_cpu_usage_ratio", "xenplane_host_cpu_average_usage_ratio",
            "xenplane_host_load_average", "xenplane_host_memory_total_bytes", "xenplane_host_memory_free_bytes",
            "xenplane_host_network_receive_bytes_total", "xenplane_host_network_transmit_bytes_total",
            "xenplane_vm_vcpu_usage_ratio", "xenplane_vm_cpu_usage_ratio", "xenplane_vm_memory_bytes",
            "xenplane_vm_memory_target_bytes", "xenplane_vm_memory_internal_free_bytes",
            "xenplane_vm_network_receive_bytes_total", "xenplane_vm_network_transmit_bytes_total",
            "xenplane_vm_disk_read_bytes_total", "xenplane_vm_disk_write_bytes_total", "xenplane_vm_disk_io_operations_total",
            // every service's, at /q/metrics (core), and the monitoring service's
            "xenplane_task_duration_seconds_sum", "xenplane_task_duration_seconds_count",
            "xenplane_event_delivery_lag_seconds_sum", "xenplane_event_delivery_lag_seconds_count",
            "xenplane_sr_physical_size_bytes", "xenplane_sr_physical_utilisation_bytes",
            // not a series: the label the chart's ServiceMonitor puts on each service's metrics
            "xenplane_io_service");

    @Test
    void promtoolChecksTheRules() throws Exception {
        assertThat(promtool("check", "rules", RULES.toString())).contains("SUCCESS");
    }

    @Test
    void everyAlarmFiresOnItsConditionInPromtoolsUnitTests() throws Exception {
        Path tests = Files.createTempFile("alarm-rules-test", ".yaml");
        try (var in = getClass().getResourceAsStream("/alarm-rules-test.yaml")) {
            Files.writeString(tests, "rule_files:\n  - " + RULES.toAbsolutePath() + "\n"
                    + new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try {
            assertThat(promtool("test", "rules", tests.toString())).contains("SUCCESS");
        } finally {
            Files.delete(tests);
        }
    }

    @Test
    void dashboardsQueryOnlyExposedSeries() throws Exception {
        List<String> exprs = new ArrayList<>();
        try (Stream<Path> files = Files.list(CHART.resolve("dashboards"))) {
            for (Path file : files.toList()) {
                JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
                dashboard.findValues("expr").forEach(e -> exprs.add(e.asText()));
                dashboard.path("templating").path("list").forEach(v -> {
                    if (v.has("definition")) {
                        exprs.add(v.get("definition").asText());
                    }
                });
            }
        }
        assertThat(exprs).hasSizeGreaterThan(15);
        for (String expr : exprs) {
            Matcher m = XENPLANE_SERIES.matcher(expr);
            while (m.find()) {
                assertThat(EXPOSED).as("series in %s", expr).contains(m.group());
            }
        }
    }

    private static String promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
