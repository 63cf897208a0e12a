package org.xenplane.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.xenplane.vm.VmApi.MIB;
import static org.xenplane.vm.VmApi.SMALL_VM_NEEDS;
import static org.xenplane.vm.VmApi.asAdmin;
import static org.xenplane.vm.VmApi.smallVm;
import static org.xenplane.vm.VmApi.uuid;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.testing.EmbeddedPostgresResource;
import org.xenplane.vm.fixture.SimulatedPool;

/** Concurrent starts: one VM started twice at once, and many VMs racing for the last memory of a pool. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VmStartRacesTest {
    @Inject
    EntityManager em;

    @Test
    void twoStartsOfOneVmAtOnceYieldExactlyOneSuccess() throws Exception {
        try (SimulatedPool pool = SimulatedPool.start(2, 4096)) {
            for (int round = 0; round < 5; round++) {
                String id = smallVm("twice-" + UUID.randomUUID());
                List<Response> answers = concurrently(List.of(id, id));
                List<Integer> statuses = answers.stream().map(Response::statusCode).sorted().toList();

                assertThat(statuses).containsExactly(202, 409);
                Response refused = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
                assertThat(refused.jsonPath().getString("code")).isIn("OTHER_OPERATION_IN_PROGRESS", "VM_BAD_POWER_STATE");
                Response accepted = answers.stream().filter(r -> r.statusCode() == 202).findFirst().orElseThrow();
                assertThat(VmApi.awaitTask(accepted.jsonPath().getString("id")).getString("status")).isEqualTo("success");
                assertThat(pool.hosts().stream().filter(h -> h.driver().find(uuid(id)).isPresent())).hasSize(1);
                assertThat(pool.hosts().stream().mapToLong(h -> h.driver().calls().of(DriverOperation.CREATE).stream()
                        .filter(c -> c.vmId().equals(uuid(id))).count()).sum()).isEqualTo(1);
            }
        }
    }

    @Test
    void aHundredStartsOnANearlyFullPoolNeverOvercommitAndTheLosersGetHostNotEnoughFreeMemory() throws Exception {
        // 4 hosts of 2 GiB, 1 GiB of each kept for dom0: 3 small VMs fit on each, 12 in all
        try (SimulatedPool pool = SimulatedPool.start(4, 2048)) {
            int fit = (int) (1024 * MIB / SMALL_VM_NEEDS) * 4;
            List<String> vms = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                vms.add(smallVm("crowd-" + i + "-" + UUID.randomUUID()));
            }
            List<Response> answers = concurrently(vms);

            List<Response> accepted = answers.stream().filter(r -> r.statusCode() == 202).toList();
            List<Response> refused = answers.stream().filter(r -> r.statusCode() == 409).toList();
            assertThat(accepted).hasSize(fit);
            assertThat(refused).hasSize(100 - fit);
            assertThat(refused).allSatisfy(r ->
                    assertThat(r.jsonPath().getString("code")).isEqualTo("HOST_NOT_ENOUGH_FREE_MEMORY"));
            accepted.forEach(r -> assertThat(VmApi.awaitTask(r.jsonPath().getString("id")).getString("status"))
                    .isEqualTo("success"));

            for (SimulatedPool.SimHost host : pool.hosts()) {
                assertThat(host.driver().facts().memoryFree()).isGreaterThanOrEqualTo(0);
                assertThat(host.driver().calls().of(DriverOperation.CREATE)).allMatch(c -> c.outcome().equals("ok"));
                assertThat(reservedOn(host.hostId())).isLessThanOrEqualTo(1024 * MIB);
            }
            assertThat(pool.hosts().stream().mapToInt(h -> h.driver().list().size()).sum()).isEqualTo(fit);
            await().atMost(Duration.ofSeconds(10)).until(() -> vms.stream().noneMatch(VmStartRacesTest::busy));
        }
    }

    @Test
    void aFailedStartReleasesItsReservationSoThatAnotherVmCanHaveTheMemory() {
        try (SimulatedPool pool = SimulatedPool.start(1, 2048)) {
            SimulatedPool.SimHost host = pool.host(1);
            List<String> vms = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                vms.add(smallVm("fill-" + i + "-" + UUID.randomUUID()));
            }
            host.driver().failures().failNext(DriverOperation.CREATE, org.xenplane.daemon.driver.XenError.FAIL);
            assertThat(VmApi.runLong(vms.get(0), "start", null).getString("status")).isEqualTo("failure");
            assertThat(reservedOn(host.hostId())).isZero();
            for (String vm : vms) {
                VmApi.succeed(vm, "start", null);
            }
            assertThat(reservedOn(host.hostId())).isEqualTo(3 * SMALL_VM_NEEDS);
        }
    }

    private long reservedOn(UUID hostId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select coalesce(sum(memory_reserved), 0) from vm where resident_on = ?1 or scheduled_to = ?1")
                .setParameter(1, hostId).getSingleResult()).longValue());
    }

    private static boolean busy(String id) {
        return !VmApi.vm(id).getMap("currentOperations").isEmpty();
    }

    /** Sends a start for each id, all released at the same moment. */
    private static List<Response> concurrently(List<String> ids) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(ids.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<CompletableFuture<Response>> calls = ids.stream().map(id -> CompletableFuture.supplyAsync(() -> {
                release(go);
                return asAdmin().body(Map.of()).post("/api/v1/vms/" + id + "/start");
            }, threads)).collect(Collectors.toList());
            go.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    private static void release(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
