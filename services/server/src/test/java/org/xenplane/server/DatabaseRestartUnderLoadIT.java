package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL 15 (external, as Debian runs it) goes away for 10 s while clients keep starting and
 * hard-stopping VMs on the packaged server with a packaged daemon of 2 simulated hosts: calls
 * answer 503 (never 500) meanwhile, and once the database is back, with nobody touching the server,
 * no task stays pending, no VM stays busy, and the invariant checker is empty. The server's task
 * lease is 6 s (renewed every 2 s, orphans looked for every second; 15 s, 5 s and 5 s by default), so
 * that, as an outage longer than the default lease would, the outage outlasts the leases of the
 * tasks under way, and the server takes them over a lease after the database is back.
 */
class DatabaseRestartUnderLoadIT {
    private static final long MIB = 1024 * 1024;
    private static final String TEMPLATE = "6a1f2d3e-0000-4000-8000-000000000001";
    private static final int VMS = 24;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final Map<String, String> LEASES = Map.of("XENPLANE_TASKS_LEASE", "6s",
            "XENPLANE_TASKS_LEASE_RENEW_INTERVAL", "2s", "XENPLANE_TASKS_TAKEOVER_INTERVAL", "1s");

    @TempDir
    Path workDir;

    @BeforeAll
    static void postgresql15IsInstalled() {
        ExternalPostgres.assumeInstalled("DatabaseRestartUnderLoadIT");
    }

    @Test
    void nothingStaysPendingOrBusyAfterTheDatabaseComesBack() throws Exception {
        Files.createDirectories(workDir.resolve("daemon"));
        try (ExternalPostgres postgres = ExternalPostgres.start();
             ServerProcess server = ServerProcess.onExternalDatabase(workDir, FreePorts.next(), postgres.jdbcUrl(),
                     LEASES).start();
             DaemonProcess daemon = new DaemonProcess(workDir.resolve("daemon"), server.url(), 2,
                     server.newJoinToken() + "," + server.newJoinToken(), FreePorts.next(),
                     Map.of("xenplane.daemon.simulator.latency.create", "300ms",
                             "xenplane.daemon.simulator.latency.destroy", "300ms")).start()) {
            try {
                scenario(postgres, server);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + server.log(), e);
            }
        }
    }

    private static int count(Map<Integer, AtomicInteger> answers, int status) {
        AtomicInteger n = answers.get(status);
        return n == null ? 0 : n.get();
    }

    private void scenario(ExternalPostgres postgres, ServerProcess server) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> server.api().get("/api/v1/hosts").then().extract().jsonPath()
                .getList("findAll { it.live }").size() == 2);
        List<String> vms = new ArrayList<>();
        for (int i = 0; i < VMS; i++) {
            vms.add(server.api().body(Map.of("template", TEMPLATE, "name", "outage-" + i, "memoryStaticMin", 128 * MIB,
                            "memoryStaticMax", 256 * MIB, "memoryDynamicMin", 256 * MIB, "memoryDynamicMax", 256 * MIB))
                    .post("/api/v1/vms").then().statusCode(201).extract().<String>path("id"));
        }
        ConcurrentMap<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.submit(() -> {
                for (int round = 0; loading.get(); round++) {
                    String vm = vms.get((client + 4 * round) % VMS);
                    String operation = round % 2 == 0 ? "start" : "hard-shutdown";
                    try {
                        Response answer = server.api().post("/api/v1/vms/" + vm + "/" + operation);
                        answers.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    } catch (RuntimeException connectionTrouble) {
                        answers.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
                    }
                }
            });
        }
        // operations under way when the database goes
        await().atMost(Duration.ofSeconds(60)).until(() -> count(answers, 202) >= 4);
        postgres.stop();
        long stopped = System.nanoTime();
        // the outage lasts OUTAGE, and the clients meet it
        await().atMost(OUTAGE.plusSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> count(answers, 503) >= 4
                && Duration.ofNanos(System.nanoTime() - stopped).compareTo(OUTAGE) >= 0);
        postgres.startAgain();
        long back = System.nanoTime();
        int acceptedBefore = count(answers, 202);
        // operations accepted again once it is back
        await().atMost(Duration.ofSeconds(60)).until(() -> count(answers, 202) >= acceptedBefore + 4);
        loading.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(server.api().get("/api/v1/tasks?status=pending&limit=1000").then().statusCode(200).extract()
                    .jsonPath().getList("id")).as("pending tasks").isEmpty();
            assertThat(server.api().get("/api/v1/tasks?status=cancelling&limit=1000").then().statusCode(200).extract()
                    .jsonPath().getList("id")).as("cancelling tasks").isEmpty();
            assertThat(server.api().get("/api/v1/vms").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { !it.currentOperations.isEmpty() }.name")).as("busy VMs").isEmpty();
            assertThat(server.api().get("/api/v1/pool/invariants").then().statusCode(200).extract().jsonPath()
                    .getList("")).as("inconsistencies").isEmpty();
        });
        System.out.printf("DatabaseRestartUnderLoadIT: answers by status during the run %s; records right %d ms after "
                + "PostgreSQL was back%n", answers, Duration.ofNanos(System.nanoTime() - back).toMillis());
        assertThat(answers).as("answers by status").doesNotContainKey(500);
        assertThat(answers).containsKey(503);
    }
}
