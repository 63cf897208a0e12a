package org.xenplane.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenplane.server.SimulatedDiskHost.MIB;
import static org.xenplane.server.SimulatedDiskHost.admin;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.server.DiskRace.Answer;
import org.xenplane.server.DiskRace.Outcome;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * Issue #12: an operation that needs a disk free (VDI destroy, resize, copy) racing a start of
 * the VM that has the disk, 50 rounds each, with the real daemon and qcow2 files. Each race has one
 * winner for the disk: the start (the VM runs on the disk, which is still there; the other is
 * refused with a 409 naming the VM's use) or the disk operation (done on a disk no running VM has;
 * the start then either fails with a typed error or, after a destroy, starts the VM without the
 * disk that no longer exists). Never a 500, never a deadlock surfaced as INTERNAL_ERROR, and the
 * pool's invariant checker finds nothing afterwards.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VdiStartRaceTest {
    private static final int ROUNDS = 50;
    /** Rounds run side by side (each on its own VM and disk), to keep the test short. */
    private static final int PARALLEL_ROUNDS = 4;

    @Inject
    DaemonCredentials credentials;

    private SimulatedDiskHost host;
    private DomainDisks domains;
    private ExecutorService threads;
    private ExecutorService roundThreads;

    @BeforeEach
    void setUp() {
        host = SimulatedDiskHost.get();
        domains = new DomainDisks(host.daemonUrl, credentials.forHost(host.hostId));
        threads = Executors.newFixedThreadPool(2 * PARALLEL_ROUNDS);
        roundThreads = Executors.newFixedThreadPool(PARALLEL_ROUNDS);
    }

    @AfterEach
    void tearDown() {
        roundThreads.shutdownNow();
        threads.shutdownNow();
    }

    @Test
    void destroyRacingStartHasOneWinnerAndNoVmRunsOnADeletedDisk() {
        List<Outcome> outcomes = rounds(vdi -> admin().delete("/api/v1/vdis/" + vdi), o -> {
            boolean destroyed = o.other().succeeded();
            assertThat(destroyed).as("exactly one of destroy and start wins the disk").isNotEqualTo(o.startRunsWithDisk());
            if (destroyed) {
                assertThat(o.vdiExists() || o.fileExists() || o.vbdExists()).as("the disk and its VBD are gone").isFalse();
                assertThat(o.domainDisks()).as("no domain runs on the deleted disk").isEmpty();
            } else {
                assertThat(o.other().code()).isEqualTo("VDI_IN_USE");
                assertThat(o.vdiExists() && o.fileExists()).as("the running VM's disk and file are there").isTrue();
            }
        });
        report("destroy", outcomes);
    }

    @Test
    void resizeRacingStartHasOneWinnerAndNeverResizesAnAttachedDisk() {
        List<Outcome> outcomes = rounds(vdi -> admin().body(Map.of("virtualSize", 16 * MIB))
                .post("/api/v1/vdis/" + vdi + "/resize"), o -> {
            if (o.other().succeeded()) {
                assertThat(o.vdiSize()).isEqualTo(16 * MIB);
            } else {
                assertThat(o.other().code()).isEqualTo("OPERATION_NOT_ALLOWED");
                assertThat(o.startRunsWithDisk()).as("the resize lost to the start").isTrue();
                assertThat(o.vdiSize()).isEqualTo(8 * MIB);
            }
            assertThat(o.vdiExists() && o.fileExists()).isTrue();
        });
        report("resize", outcomes);
    }

    @Test
    void copyRacingStartHasOneWinnerAndNeverCopiesADiskInUse() {
        List<Outcome> outcomes = rounds(vdi -> admin().body(Map.of()).post("/api/v1/vdis/" + vdi + "/copy"), o -> {
            if (o.other().succeeded()) {
                admin().delete("/api/v1/vdis/" + o.other().resultId()).then().statusCode(204);
                if (!o.start().succeeded()) {
                    assertThat(o.start().code()).isEqualTo("OTHER_OPERATION_IN_PROGRESS");
                }
            } else {
                assertThat(o.other().code()).isEqualTo("VDI_IN_USE");
                assertThat(o.startRunsWithDisk()).as("the copy lost to the start").isTrue();
            }
            assertThat(o.vdiExists() && o.fileExists()).isTrue();
        });
        report("copy", outcomes);
    }

    /** Runs the rounds, checking each for typed answers and {@code rule}, then the pool's invariants. */
    private List<Outcome> rounds(Function<UUID, Response> other, Consumer<Outcome> rule) {
        List<CompletableFuture<Outcome>> running = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            running.add(CompletableFuture.supplyAsync(() -> DiskRace.run(host, domains, threads, other), roundThreads));
        }
        List<Outcome> outcomes = running.stream().map(CompletableFuture::join).toList();
        for (int round = 0; round < ROUNDS; round++) {
            Outcome o = outcomes.get(round);
            try {
                typed(o.start());
                typed(o.other());
                assertThat(o.domainLeft()).as("no domain outlives its VM").isFalse();
                if (!o.start().succeeded()) {
                    assertThat(o.powerState()).isEqualTo("halted");
                    assertThat(o.vbdAttached()).isFalse();
                }
                rule.accept(o);
            } catch (AssertionError e) {
                throw new AssertionError("round " + round + ": " + o + "\n" + e.getMessage(), e);
            }
        }
        List<Map<String, Object>> found = admin().get("/api/v1/pool/invariants").then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(found).as("the invariant checker after the races").isEmpty();
        return outcomes;
    }

    private static void typed(Answer a) {
        assertThat(a.status()).as("never a 500: %s", a).isLessThan(500);
        if (!a.succeeded()) {
            assertThat(a.code()).as("a typed error: %s", a).isNotNull().isNotEqualTo("INTERNAL_ERROR");
        }
    }

    private static void report(String operation, List<Outcome> outcomes) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Outcome o : outcomes) {
            String key = (o.startRunsWithDisk() ? "start ran on the disk" : o.start().succeeded() ? "start ran without disk"
                    : "start " + o.start().code()) + " / " + operation + " " + (o.other().succeeded() ? "done" : o.other().code());
            counts.merge(key, 1, Integer::sum);
        }
        System.out.println("VdiStartRaceTest " + operation + " vs start, " + outcomes.size() + " rounds: " + counts);
    }
}
