package org.xenplane.storage;

import static org.xenplane.storage.StorageApi.MIB;
import static org.xenplane.storage.StorageApi.asAdmin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.core.daemon.HostRef;
import org.xenplane.core.daemon.Hosts;
import org.xenplane.core.daemon.StorageDaemonClient;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * VDI create, snapshot and clone throughput and latency on {@code file} SRs, end to end: REST API,
 * task, PostgreSQL, the daemon client, the real host daemon and qemu-img. Not part of the build
 * (the name matches no test pattern); run it with {@code bench/storage.sh}. Prints a Markdown
 * table and writes it to {@code target/storage-benchmark.md}.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StorageBenchmark {
    private static final int OPS = Integer.getInteger("bench.ops", 200);
    private static final int WARMUP = 20;

    @Inject
    DaemonCredentials credentials;
    @Inject
    EntityManager em;
    @Inject
    StorageDaemonClient client;
    @Inject
    Hosts hosts;

    @Test
    void vdiCreateSnapshotAndCloneOnFileSrs() throws Exception {
        RealDaemon daemon = RealDaemon.start(credentials, em);
        StringBuilder table = new StringBuilder("| operation | clients | ops | ops/s | p50 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        for (int clients : new int[] {1, 4}) {
            List<UUID> srs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                srs.add(StorageApi.fileSr(daemon.host(1), daemon.newSrPath()));
            }
            run(srs, WARMUP, sr -> StorageApi.vdi(sr, 64 * MIB)); // warm-up: JIT, connections
            List<List<UUID>> created = new ArrayList<>();
            table.append(row("vdi.create (64 MiB)", clients, measure(srs, created, sr -> StorageApi.vdi(sr, 64 * MIB))));
            table.append(row("vdi.snapshot", clients, measureOn(created, vdi ->
                    asAdmin().body(Map.of()).post("/api/v1/vdis/" + vdi + "/snapshot").then().statusCode(201))));
            table.append(row("vdi.clone", clients, measureOn(created, vdi ->
                    asAdmin().body(Map.of()).post("/api/v1/vdis/" + vdi + "/clone").then().statusCode(201))));
        }
        // The daemon alone (HTTP + qemu-img), without the control plane's task, records and events.
        UUID directSr = StorageApi.fileSr(daemon.host(1), daemon.newSrPath());
        HostRef host = hosts.require(daemon.host(1));
        List<UUID> volumes = Collections.synchronizedList(new ArrayList<>());
        table.append(row("daemon only: volume create", 1, timed(1, (c, i) -> {
            UUID id = UUID.randomUUID();
            client.createVolume(host, directSr, id, 64 * MIB, null);
            volumes.add(id);
        })));
        table.append(row("daemon only: volume fork", 1, timed(1, (c, i) ->
                client.fork(host, directSr, volumes.get(i), UUID.randomUUID(), UUID.randomUUID(), null))));
        System.out.println("\nStorage benchmark (" + OPS + " operations per row)\n" + table);
        Files.writeString(Path.of("target", "storage-benchmark.md"), table.toString());
    }

    private record Result(int ops, double seconds, List<Long> nanos) {
    }

    private Result measure(List<UUID> srs, List<List<UUID>> created, Function<UUID, UUID> op) throws Exception {
        for (int i = 0; i < srs.size(); i++) {
            created.add(Collections.synchronizedList(new ArrayList<>()));
        }
        return timed(srs.size(), (client, i) -> created.get(client).add(op.apply(srs.get(client))));
    }

    private Result measureOn(List<List<UUID>> vdis, java.util.function.Consumer<UUID> op) throws Exception {
        return timed(vdis.size(), (client, i) -> op.accept(vdis.get(client).get(i % vdis.get(client).size())));
    }

    private interface Step {
        void run(int client, int i);
    }

    private Result timed(int clients, Step step) throws Exception {
        int perClient = OPS / clients;
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    step.run(client, i);
                    nanos.add(System.nanoTime() - t);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(perClient * clients, seconds, nanos);
    }

    private static void run(List<UUID> srs, int n, Function<UUID, UUID> op) {
        for (int i = 0; i < n; i++) {
            op.apply(srs.get(i % srs.size()));
        }
    }

    private static String row(String name, int clients, Result r) {
        List<Long> sorted = new ArrayList<>(r.nanos());
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6;
        return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f |%n", name, clients, r.ops(),
                r.ops() / r.seconds(), p50, p99);
    }
}
