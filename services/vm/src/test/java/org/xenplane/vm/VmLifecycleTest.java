package org.xenplane.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.vm.VmApi.asAdmin;
import static org.xenplane.vm.VmApi.post;
import static org.xenplane.vm.VmApi.smallVm;
import static org.xenplane.vm.VmApi.succeed;
import static org.xenplane.vm.VmApi.uuid;
import static org.xenplane.vm.VmApi.vm;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.driver.simulator.GuestBehaviour;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.testing.EmbeddedPostgresResource;
import org.xenplane.vm.fixture.SimulatedPool;

/** Each power operation through the API against simulated hosts: the VM record and the domain agree afterwards. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VmLifecycleTest {
    private static SimulatedPool pool;

    @BeforeEach
    void hosts() {
        if (pool == null) {
            pool = SimulatedPool.start(2, 4096);
        }
    }

    @AfterAll
    static void stop() {
        pool.close();
        pool = null;
    }

    @Test
    void aStartedVmRunsOnOneOfTheHostsWithItsDomainRunningThere() {
        String id = smallVm("start-" + UUID.randomUUID());
        JsonPath task = succeed(id, "start", null);

        JsonPath vm = vm(id);
        assertThat(task.getString("result.id")).isEqualTo(id);
        assertThat(vm.getString("powerState")).isEqualTo("running");
        DomainInfo domain = domainOf(id);
        assertThat(domain.state()).isEqualTo(DomainState.RUNNING);
        assertThat(vm.getInt("metrics.domid")).isEqualTo(domain.domid());
        assertThat(vm.getList("allowedOperations")).contains("clean_shutdown", "pause", "suspend", "pool_migrate")
                .doesNotContain("start", "destroy");
        assertThat(vm.getMap("currentOperations")).isEmpty();
    }

    /**
     * What {@code curl -X POST -H 'Content-Type: application/json' .../start} sends over HTTP/1.1: a
     * content type, neither Content-Length nor Transfer-Encoding, so an empty body (RFC 9112 6.3).
     */
    @Test
    void aPostWithAContentTypeButNoBodyOverHttp11StartsTheVm() throws Exception {
        String id = smallVm("bodiless-" + UUID.randomUUID());
        String status;
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.getOutputStream().write(("POST /api/v1/vms/" + id + "/start HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + VmApi.ADMIN_TOKEN + "\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
        assertThat(status).startsWith("HTTP/1.1 202");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "running".equals(vm(id).getString("powerState")));
    }

    @Test
    void startOnAHostRunsItThereAndPausedLeavesItPaused() {
        String id = smallVm("start-on-" + UUID.randomUUID());
        SimulatedPool.SimHost second = pool.host(2);
        succeed(id, "start-on", Map.of("host", second.hostId(), "paused", true));

        assertThat(vm(id).getString("residentOn")).isEqualTo(second.hostId().toString());
        assertThat(vm(id).getString("powerState")).isEqualTo("paused");
        assertThat(second.driver().find(uuid(id)).orElseThrow().state()).isEqualTo(DomainState.PAUSED);
    }

    @Test
    void pauseAndUnpauseFinishInTheRequest() {
        String id = running("pause");
        asAdmin().post("/api/v1/vms/" + id + "/pause").then().statusCode(200)
                .header("Xenplane-Task", org.hamcrest.Matchers.notNullValue()).body("powerState", equalTo("paused"));
        assertThat(domainOf(id).state()).isEqualTo(DomainState.PAUSED);
        asAdmin().post("/api/v1/vms/" + id + "/unpause").then().statusCode(200).body("powerState", equalTo("running"));
        assertThat(domainOf(id).state()).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void aSuspendedVmFreesItsMemoryAndResumesOnTheHostHoldingItsImage() {
        String id = running("suspend");
        String host = vm(id).getString("residentOn");
        succeed(id, "suspend", null);

        JsonPath suspended = vm(id);
        assertThat(suspended.getString("powerState")).isEqualTo("suspended");
        assertThat(suspended.getString("suspendedOn")).isEqualTo(host);
        assertThat(suspended.getString("residentOn")).isNull();
        assertThat(pool.byId(uuid(host)).orElseThrow().domains().holdsImage(uuid(id))).isTrue();

        succeed(id, "resume", null);
        assertThat(vm(id).getString("powerState")).isEqualTo("running");
        assertThat(vm(id).getString("residentOn")).isEqualTo(host);
        assertThat(domainOf(id).state()).isEqualTo(DomainState.RUNNING);
    }

    @Test
    void aRebootGivesTheVmANewDomain() {
        String id = running("reboot");
        int before = vm(id).getInt("metrics.domid");
        succeed(id, "clean-reboot", null);
        int clean = vm(id).getInt("metrics.domid");
        succeed(id, "hard-reboot", null);
        int hard = vm(id).getInt("metrics.domid");

        assertThat(clean).isNotEqualTo(before);
        assertThat(hard).isNotEqualTo(clean);
        assertThat(domainOf(id).domid()).isEqualTo(hard);
        assertThat(vm(id).getString("powerState")).isEqualTo("running");
    }

    @Test
    void cleanAndHardShutdownHaltTheVmAndDestroyItsDomain() {
        String clean = running("clean");
        String hard = running("hard");
        UUID cleanHost = uuid(vm(clean).getString("residentOn"));
        succeed(clean, "clean-shutdown", null);
        succeed(hard, "hard-shutdown", null);

        for (String id : new String[] {clean, hard}) {
            JsonPath vm = vm(id);
            assertThat(vm.getString("powerState")).isEqualTo("halted");
            assertThat(vm.getString("residentOn")).isNull();
            assertThat(vm.getString("metrics.domid")).isNull();
            assertThat(pool.hosts()).allSatisfy(h -> assertThat(h.driver().find(uuid(id))).isEmpty());
        }
        assertThat(pool.byId(cleanHost).orElseThrow().driver().calls().of(
                org.xenplane.daemon.driver.DriverOperation.SHUTDOWN)).isNotEmpty();
    }

    @Test
    void aMigratedVmRunsOnTheOtherHostAndNotOnTheFirst() {
        String id = running("migrate");
        UUID from = uuid(vm(id).getString("residentOn"));
        SimulatedPool.SimHost to = pool.hosts().stream().filter(h -> !h.hostId().equals(from)).findFirst().orElseThrow();
        succeed(id, "migrate", Map.of("host", to.hostId()));

        assertThat(vm(id).getString("residentOn")).isEqualTo(to.hostId().toString());
        assertThat(vm(id).getString("powerState")).isEqualTo("running");
        assertThat(to.driver().find(uuid(id)).orElseThrow().state()).isEqualTo(DomainState.RUNNING);
        assertThat(pool.byId(from).orElseThrow().driver().find(uuid(id))).isEmpty();
        assertThat(vm(id).getString("scheduledToBeResidentOn")).isNull();
    }

    @Test
    void aCleanShutdownTheGuestIgnoresFailsWithVmShutdownTimeoutAndTheVmKeepsRunning() {
        String id = running("stubborn");
        SimulatedPool.SimHost host = pool.byId(uuid(vm(id).getString("residentOn"))).orElseThrow();
        host.driver().setGuestBehaviour(uuid(id), GuestBehaviour.IGNORES_REQUESTS);

        JsonPath task = VmApi.runLong(id, "clean-shutdown", null);

        assertThat(task.getString("status")).isEqualTo("failure");
        assertThat(task.getString("error.code")).isEqualTo("VM_SHUTDOWN_TIMEOUT");
        assertThat(task.getString("error.parameters.vm")).isEqualTo(id);
        assertThat(task.getString("error.parameters.timeout")).isEqualTo("2s");
        assertThat(vm(id).getString("powerState")).isEqualTo("running");
        assertThat(vm(id).getList("allowedOperations")).contains("hard_shutdown");
        assertThat(domainOf(id).state()).isEqualTo(DomainState.RUNNING);
        succeed(id, "hard-shutdown", null);
        assertThat(vm(id).getString("powerState")).isEqualTo("halted");
    }

    @Test
    void anOperationInTheWrongStateIsVmBadPowerStateWithExpectedAndActual() {
        String id = smallVm("wrong-state-" + UUID.randomUUID());
        post(id, "clean-shutdown", null).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("VM_BAD_POWER_STATE"))
                .body("parameters.vm", equalTo(id))
                .body("parameters.expected", equalTo("running"))
                .body("parameters.actual", equalTo("halted"));
        String running = running("wrong-state");
        asAdmin().delete("/api/v1/vms/" + running).then().statusCode(409)
                .body("code", equalTo("VM_BAD_POWER_STATE")).body("parameters.expected", equalTo("halted"))
                .body("parameters.actual", equalTo("running"));
        post(running, "resume", null).then().statusCode(409).body("parameters.expected", equalTo("suspended"));
    }

    private static String running(String name) {
        String id = smallVm(name + "-" + UUID.randomUUID());
        succeed(id, "start", null);
        return id;
    }

    private static DomainInfo domainOf(String id) {
        UUID host = uuid(vm(id).getString("residentOn"));
        return pool.byId(host).orElseThrow().driver().find(uuid(id)).orElseThrow();
    }
}
