package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scrapes the packaged server's {@code /q/metrics} and a simulated host daemon's
 * {@code /metrics} (bearer token, as docs/monitoring.md tells operators to set it up) every second,
 * with the chart's rules file loaded. A running VM with a NIC and a disk on a file SR gives every
 * series a source. Then every query of every dashboard in the chart returns data (but those in
 * {@link #MAY_BE_EMPTY}, which must still evaluate), and every rule of the rules file evaluates
 * without error.
 */
class PrometheusScrapeIT {
    private static final long MIB = 1L << 20;
    private static final String DAEMON_TOKEN = "prometheus-scrape-it-token-0123456789";
    private static final Path RULES = Path.of("../../charts/xenplane/files/prometheus-rules.yaml").toAbsolutePath().normalize();
    /**
     * Queries (by a part of their text) that may return nothing here, and why. They still have to
     * evaluate. Remove an entry as soon as its reason is gone.
     */
    private static final Map<String, String> MAY_BE_EMPTY = Map.of(
            "status=~\"5..\"", "they count server errors, and this server must make none");

    @TempDir
    Path workDir;

    @Test
    void everyDashboardQueryReturnsDataAndEveryRuleEvaluates() throws Exception {
        PrometheusProcess.binary(); // fails clearly, before anything starts, when Prometheus is not installed
        Path serverDir = Files.createDirectories(workDir.resolve("server"));
        Path daemonDir = Files.createDirectories(workDir.resolve("daemon"));
        Path promDir = Files.createDirectories(workDir.resolve("prometheus"));
        int daemonPort = FreePorts.next();
        ServerProcess server = ServerProcess.onEmbeddedDatabase(serverDir, FreePorts.next(),
                Map.of("XENPLANE_MONITORING_ALARMS_SR_CHECK_INTERVAL", "1s")).start();
        try (DaemonProcess daemon = new DaemonProcess(daemonDir, server.url(), 1, server.newJoinToken(), daemonPort,
                Map.of("xenplane.daemon.metrics.token", DAEMON_TOKEN)).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> liveHosts(server) == 1);
            String events = server.api().get("/api/v1/events").then().statusCode(200).extract().path("token");
            String vm = runningVmWithNicAndDisk(server);
            server.api().get("/api/v1/events?from=" + events).then().statusCode(200); // an event delivery, for the lag panel
            server.api().get("/api/v1/vms/not-a-uuid").then().statusCode(400); // a 4xx for the error panels

            try (PrometheusProcess prometheus = PrometheusProcess.start(promDir, config(promDir, server.port, daemonPort))) {
                try {
                    awaitTargetsUp(prometheus);
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                        Map<String, Object> failures = new LinkedHashMap<>(dashboardFailures(prometheus, vm));
                        failures.putAll(ruleFailures(prometheus));
                        assertThat(failures).as("dashboard queries and rules that fail").isEmpty();
                    });
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError(e.getMessage() + "\n" + prometheus.log() + "\n" + daemon.log(), e);
                }
            }
        } finally {
            server.stop();
        }
    }

    /** Scrapes as the chart's ServiceMonitor labels a service (namespace, xenplane_io_service, pod) and as docs/monitoring.md scrapes a daemon. */
    private static String config(Path dir, int serverPort, int daemonPort) throws Exception {
        Path token = dir.resolve("daemon.token");
        Files.writeString(token, DAEMON_TOKEN + "\n");
        return """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 900ms
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: xenplane-server
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                        labels: {namespace: xenplane-it, xenplane_io_service: server, pod: server-0}
                  - job_name: xenplane-daemon
                    authorization: {credentials_file: %s}
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(RULES, serverPort, token, daemonPort);
    }

    private static void awaitTargetsUp(PrometheusProcess prometheus) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath targets = prometheus.targets();
            assertThat(targets.getList("data.activeTargets.health", String.class)).as(targets.prettify())
                    .hasSize(2).containsOnly("up");
        });
    }

    /** Each dashboard's variables resolved as Grafana does (the first value), then each panel's query run. */
    private static Map<String, Object> dashboardFailures(PrometheusProcess prometheus, String vm) throws Exception {
        Map<String, Object> failures = new LinkedHashMap<>();
        for (DashboardQueries.Dashboard dashboard : DashboardQueries.all()) {
            Map<String, String> values = new HashMap<>();
            for (DashboardQueries.Variable v : dashboard.variables()) {
                List<String> found = variableValues(prometheus, v, values);
                if (found.isEmpty()) {
                    failures.put(dashboard.file() + " $" + v.name(), "no values");
                    continue;
                }
                values.put(v.name(), "vm".equals(v.name()) && found.contains(vm) ? vm : found.get(0));
            }
            for (DashboardQueries.Panel panel : dashboard.panels()) {
                if (!values.keySet().containsAll(variablesIn(panel.expr()))) {
                    continue; // already reported: a variable without values
                }
                JsonPath answer = prometheus.query(DashboardQueries.substitute(panel.expr(), values));
                if (!"success".equals(answer.getString("status"))) {
                    failures.put(panel.toString(), answer.getString("error"));
                } else if (answer.getList("data.result").isEmpty() && MAY_BE_EMPTY.keySet().stream().noneMatch(panel.expr()::contains)) {
                    failures.put(panel.toString(), "no data");
                }
            }
        }
        return failures;
    }

    private static List<String> variableValues(PrometheusProcess prometheus, DashboardQueries.Variable v, Map<String, String> values) {
        if (v.series() == null) {
            return prometheus.labelValues(v.label());
        }
        JsonPath answer = prometheus.query(DashboardQueries.substitute(v.series(), values));
        assertThat(answer.getString("status")).as("%s $%s: %s", v.dashboard(), v.name(), answer.prettify()).isEqualTo("success");
        return answer.getList("data.result.metric." + v.label(), String.class).stream().distinct().sorted().toList();
    }

    private static List<String> variablesIn(String expr) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$\\{?(\\w+)}?").matcher(expr);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Every rule of both groups is loaded, has been evaluated, and its health is ok. */
    private static Map<String, Object> ruleFailures(PrometheusProcess prometheus) throws Exception {
        Map<String, Object> failures = new LinkedHashMap<>();
        JsonPath rules = prometheus.rules();
        List<Map<String, Object>> loaded = rules.getList("data.groups.rules.flatten()");
        long declared = Files.readAllLines(RULES).stream().filter(l -> l.trim().startsWith("- alert:") || l.trim().startsWith("- record:")).count();
        if (loaded.size() != declared || declared < 10) {
            failures.put("rules", loaded.size() + " loaded of " + declared + " declared");
        }
        for (Map<String, Object> rule : loaded) {
            Object evaluated = rule.get("lastEvaluation");
            if (!"ok".equals(rule.get("health")) || evaluated == null || evaluated.toString().startsWith("0001-")) {
                failures.put("rule " + rule.get("name"), rule.get("health") + " " + rule.get("lastError") + " at " + evaluated);
            }
        }
        return failures;
    }

    /** A VM with a NIC on a new network and a disk on a file SR, started on the simulated host; returns its id. */
    private String runningVmWithNicAndDisk(ServerProcess server) {
        String network = server.api().body(Map.of("name", "metrics net")).post("/api/v1/networks").then().statusCode(201)
                .extract().path("id");
        String sr = server.api().body(Map.of("name", "metrics sr", "type", "file", "shared", true,
                "deviceConfig", Map.of("path", workDir.resolve("sr").toString())))
                .post("/api/v1/srs").then().statusCode(201).extract().path("id");
        String vdi = server.api().body(Map.of("srId", sr, "name", "root", "virtualSize", 8 * MIB))
                .post("/api/v1/vdis").then().statusCode(201).extract().path("id");
        Map<String, Object> body = new HashMap<>();
        body.put("template", "6a1f2d3e-0000-4000-8000-000000000001");
        body.put("name", "scraped");
        body.put("memoryStaticMin", 128 * MIB);
        body.put("memoryStaticMax", 256 * MIB);
        body.put("memoryDynamicMin", 256 * MIB);
        body.put("memoryDynamicMax", 256 * MIB);
        String vm = server.api().body(body).post("/api/v1/vms").then().statusCode(201).extract().path("id");
        server.api().body(Map.of("vmId", vm, "device", 0, "networkId", network)).post("/api/v1/vifs").then().statusCode(201);
        server.api().body(Map.of("vmId", vm, "vdiId", vdi, "userdevice", 0, "mode", "RW")).post("/api/v1/vbds")
                .then().statusCode(201);
        var started = server.api().post("/api/v1/vms/" + vm + "/start");
        assertThat(started.statusCode()).as(started.asString()).isIn(200, 202);
        JsonPath task = server.api().get("/api/v1/tasks/" + started.getHeader("Xenplane-Task") + "?wait=60")
                .then().statusCode(200).extract().jsonPath();
        assertThat(task.getString("status")).as(task.prettify()).isEqualTo("success");
        return vm;
    }

    private static int liveHosts(ServerProcess server) {
        return server.api().get("/api/v1/hosts").then().statusCode(200).extract().jsonPath().getList("findAll { it.live }").size();
    }
}
