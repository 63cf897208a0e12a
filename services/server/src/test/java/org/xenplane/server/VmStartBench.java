package org.xenplane.server;

import org.xenplane.testing.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VM start benchmark (run by {@code bench/vm-start}, never by {@code verify}): the packaged
 * server on its embedded PostgreSQL, the packaged daemon simulating 64 hosts over HTTP, and 1000
 * VMs created, then started, then shut down, each phase by concurrent REST calls. For each phase
 * it prints VMs/s, the total time (until the last task finished), the p50/p99 latency of the API
 * calls, and the control plane's CPU time and memory (the server JVM, and its PostgreSQL apart).
 */
class VmStartBench {
    private static final int HOSTS = Integer.getInteger("bench.hosts", 64);
    private static final int VMS = Integer.getInteger("bench.vms", 1000);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 100);
    /** VMs taken through the same phases first, unmeasured, so that the server's JIT has compiled the paths. */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1000);
    private static final long MIB = 1L << 20;

    @TempDir
    Path work;

    /** One phase's figures. CPU in seconds over the phase, memory in bytes at its end. */
    record Phase(String name, int vms, double seconds, double p50Millis, double p99Millis, int failed, double serverCpu,
                 double postgresCpu, double daemonCpu, long serverRss, long serverPeakRss, long postgresRss) {
    }

    @Test
    void aThousandVmsStartAndStopOnSixtyFourSimulatedHosts() throws Exception {
        ServerProcess server = ServerProcess.forBenchmark(work, FreePorts.next()).start();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            tokens.add(server.newJoinToken());
        }
        try (DaemonProcess daemon = new DaemonProcess(work, server.url(), HOSTS, String.join(",", tokens),
                FreePorts.next()).start();
             BenchLoad load = new BenchLoad(server.url(), ServerProcess.ADMIN_TOKEN, CONCURRENCY)) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> liveHosts(server) == HOSTS);
            ProcessMeter control = new ProcessMeter(server.handle(), work.toString());
            ProcessMeter agent = new ProcessMeter(daemon.handle(), null);
            warmUp(load, control, agent);
            List<Phase> phases = new ArrayList<>();
            List<String> vms = new ArrayList<>();
            phases.add(create(load, control, agent, vms));
            phases.add(operate("start", load, control, agent, vms));
            assertThat(server.api().get("/api/v1/vms?powerState=running").then().extract().jsonPath().getList("id")).hasSize(VMS);
            phases.add(operate("clean-shutdown", load, control, agent, vms));
            report(phases);
            assertThat(phases).allSatisfy(p -> assertThat(p.failed()).isZero());
        } finally {
            server.stop();
        }
    }

    private void warmUp(BenchLoad load, ProcessMeter control, ProcessMeter agent) throws Exception {
        if (WARMUP == 0) {
            return;
        }
        List<String> vms = new ArrayList<>();
        create(load, control, agent, vms, WARMUP, "warm-");
        operate("start", load, control, agent, vms);
        operate("clean-shutdown", load, control, agent, vms);
        load.run(vms.size(), i -> load.delete("/api/v1/vms/" + vms.get(i)));
    }

    private Phase create(BenchLoad load, ProcessMeter control, ProcessMeter agent, List<String> vms) throws Exception {
        return create(load, control, agent, vms, VMS, "bench-");
    }

    private Phase create(BenchLoad load, ProcessMeter control, ProcessMeter agent, List<String> vms, int count,
                         String prefix) throws Exception {
        Snapshot before = Snapshot.of(control, agent);
        long started = System.nanoTime();
        List<BenchLoad.Call> calls = load.run(count, i -> load.post("/api/v1/vms", "{\"template\":\"6a1f2d3e-0000-4000-8000-000000000001\","
                + "\"name\":\"" + prefix + i + "\",\"memoryStaticMin\":" + 128 * MIB + ",\"memoryStaticMax\":" + 256 * MIB
                + ",\"memoryDynamicMin\":" + 256 * MIB + ",\"memoryDynamicMax\":" + 256 * MIB + "}"));
        double seconds = (System.nanoTime() - started) / 1e9;
        calls.stream().filter(c -> c.status() == 201).forEach(c -> vms.add(c.body().path("id").asText()));
        return phase("create", calls, seconds, (int) calls.stream().filter(c -> c.status() != 201).count(), before,
                control, agent);
    }

    /** A long operation on every VM at once: time until the last task finished. */
    private Phase operate(String operation, BenchLoad load, ProcessMeter control, ProcessMeter agent, List<String> vms)
            throws Exception {
        String token = load.eventToken();
        Snapshot before = Snapshot.of(control, agent);
        long started = System.nanoTime();
        List<BenchLoad.Call> calls = load.run(vms.size(), i -> load.post("/api/v1/vms/" + vms.get(i) + "/" + operation, "{}"));
        Set<String> tasks = new HashSet<>();
        calls.stream().filter(c -> c.status() == 202).forEach(c -> tasks.add(c.body().path("id").asText()));
        int failed = load.awaitTasks(token, tasks, Duration.ofMinutes(10)) + (vms.size() - tasks.size());
        double seconds = (System.nanoTime() - started) / 1e9;
        return phase(operation, calls, seconds, failed, before, control, agent);
    }

    private static Phase phase(String name, List<BenchLoad.Call> calls, double seconds, int failed, Snapshot before,
                               ProcessMeter control, ProcessMeter agent) {
        List<Long> latencies = calls.stream().map(BenchLoad.Call::nanos).sorted().toList();
        Snapshot after = Snapshot.of(control, agent);
        return new Phase(name, calls.size(), seconds, percentile(latencies, 0.50), percentile(latencies, 0.99), failed,
                after.server - before.server, after.postgres - before.postgres, after.daemon - before.daemon,
                control.ownRss(), control.ownPeakRss(), control.descendantsRss());
    }

    private record Snapshot(double server, double postgres, double daemon) {
        static Snapshot of(ProcessMeter control, ProcessMeter agent) {
            return new Snapshot(control.ownCpuSeconds(), control.descendantsCpuSeconds(), agent.ownCpuSeconds());
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    private void report(List<Phase> phases) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("### ").append(Instant.now()).append(": ").append(VMS).append(" VMs on ").append(HOSTS)
                .append(" simulated hosts, ").append(CONCURRENCY).append(" concurrent clients, after a warm-up of ").append(WARMUP).append(" VMs\n\n").append(Machine.describe())
                .append("\n| phase | VMs | total time | VMs/s | API p50 | API p99 | failed | server CPU | PostgreSQL CPU"
                        + " | daemon CPU | server RSS (peak) | PostgreSQL RSS |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Phase p : phases) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %.2f s | %.0f | %.1f ms | %.1f ms | %d | %.1f s (%.0f%% of one core)"
                            + " | %.1f s | %.1f s | %d MiB (%d MiB) | %d MiB |%n", p.name(), p.vms(), p.seconds(),
                    p.vms() / p.seconds(), p.p50Millis(), p.p99Millis(), p.failed(), p.serverCpu(),
                    100 * p.serverCpu() / p.seconds(), p.postgresCpu(), p.daemonCpu(), p.serverRss() / MIB,
                    p.serverPeakRss() / MIB, p.postgresRss() / MIB));
        }
        System.out.println("\n" + text);
        Path out = Path.of(System.getProperty("bench.output", "target/vm-start-bench.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text.toString());
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private static int liveHosts(ServerProcess server) {
        return server.api().get("/api/v1/hosts").then().extract().jsonPath().getList("findAll { it.live }.id").size();
    }

    /** The machine the benchmark ran on: CPUs, memory, CPU model, JVM. */
    static final class Machine {
        static String describe() throws IOException {
            String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
            String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024 * 1024) + " GiB").orElse("?");
            return "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (nproc), " + memory + " memory, "
                    + model + "; Java " + System.getProperty("java.version") + "; load average before the run: "
                    + Files.readString(Path.of("/proc/loadavg")).trim() + "\n";
        }
    }
}
