package org.xenplane.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
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
 * The Prometheus alert rules and Grafana dashboards in {@code monitoring/}: {@code promtool check
 * rules} and {@code promtool test rules} pass (Debian's prometheus package, installed by .ci/run),
 * and the dashboards query only series Xenplane exposes.
 */
class AlertRulesTest {
    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "../.."));
    private static final Path RULES = ROOT.resolve("monitoring/prometheus");
    private static final Pattern XENPLANE_SERIES = Pattern.compile("\\bxenplane_[a-z_]+");
    /** Every series the daemon's PrometheusText writes. */
    private static final List<String> EXPOSED = List.of("xenplane_host_cpu_usage_ratio", "xenplane_host_cpu_average_usage_ratio",
            "xenplane_host_load_average", "xenplane_host_memory_total_bytes", "xenplane_host_memory_free_bytes",
            "xenplane_host_network_receive_bytes_total", "xenplane_host_network_transmit_bytes_total",
            "xenplane_vm_vcpu_usage_ratio", "xenplane_vm_cpu_usage_ratio", "xenplane_vm_memory_bytes",
            "xenplane_vm_memory_target_bytes", "xenplane_vm_memory_internal_free_bytes",
            "xenplane_vm_network_receive_bytes_total", "xenplane_vm_network_transmit_bytes_total",
            "xenplane_vm_disk_read_bytes_total", "xenplane_vm_disk_write_bytes_total", "xenplane_vm_disk_io_operations_total");

    @Test
    void promtoolChecksTheRules() throws Exception {
        assertThat(promtool("check", "rules", "xenplane-alerts.yml")).contains("SUCCESS: 5 rules found");
    }

    @Test
    void everyAlertFiresOnItsConditionInPromtoolsUnitTests() throws Exception {
        assertThat(promtool("test", "rules", "xenplane-alerts.test.yml")).contains("SUCCESS");
    }

    @Test
    void dashboardsQueryOnlyExposedSeries() throws Exception {
        List<String> exprs = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("monitoring/dashboards"))) {
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
        Process p = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
