package org.xenplane.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.xenplane.vm.VmApi.asAdmin;
import static org.xenplane.vm.VmApi.smallVm;
import static org.xenplane.vm.VmApi.succeed;
import static org.xenplane.vm.VmApi.uuid;
import static org.xenplane.vm.VmApi.vm;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainType;
import org.xenplane.daemon.protocol.ShutdownReason;
import org.xenplane.testing.EmbeddedPostgresResource;
import org.xenplane.vm.fixture.SimulatedPool;

/**
 * What hosts report reconciles the VM records: a guest that powers off, crashes or reboots by
 * itself shows within seconds, as events; a vanished domain halts its VM with a message; a domain
 * that belongs to no VM is reported once and left alone.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VmReconciliationTest {
    private static final Duration WITHIN_SECONDS = Duration.ofSeconds(8);
    private static SimulatedPool pool;

    @BeforeEach
    void hosts() {
        if (pool == null) {
            pool = SimulatedPool.start(1, 8192);
        }
    }

    @AfterAll
    static void stop() {
        pool.close();
        pool = null;
    }

    @Test
    void aGuestThatPowersOffByItselfHaltsItsVmWithinSecondsAsAnEvent() {
        String id = running("poweroff");
        String token = eventToken();
        host().driver().guestShutdown(uuid(id), ShutdownReason.POWEROFF);

        await().atMost(WITHIN_SECONDS).until(() -> vm(id).getString("powerState").equals("halted"));
        assertThat(vm(id).getString("residentOn")).isNull();
        assertThat(vmEventsSince(token, id)).extracting(e -> e.get("powerState")).contains("halted");
        assertThat(messages(id)).isEmpty();
    }

    @Test
    void aGuestThatCrashesHaltsItsVmAndAMessageSaysSo() {
        String id = running("crash");
        host().driver().guestShutdown(uuid(id), ShutdownReason.CRASH);

        await().atMost(WITHIN_SECONDS).until(() -> vm(id).getString("powerState").equals("halted"));
        assertThat(messages(id)).extracting(m -> m.get("name")).containsExactly("VM_CRASHED");
    }

    @Test
    void aGuestThatRebootsByItselfKeepsRunningWithANewDomainAndAnEvent() {
        String id = running("reboot");
        int before = vm(id).getInt("metrics.domid");
        String token = eventToken();
        host().driver().guestShutdown(uuid(id), ShutdownReason.REBOOT);

        await().atMost(WITHIN_SECONDS).until(() -> vm(id).getInt("metrics.domid") != before);
        assertThat(vm(id).getString("powerState")).isEqualTo("running");
        assertThat(vmEventsSince(token, id)).isNotEmpty();
    }

    @Test
    void aDomainThatVanishedWithoutXenplaneHaltsItsVmWithAMessage() {
        String id = running("vanish");
        host().driver().destroy(uuid(id));

        await().atMost(WITHIN_SECONDS).until(() -> vm(id).getString("powerState").equals("halted"));
        assertThat(messages(id)).extracting(m -> m.get("name")).containsExactly("VM_DOMAIN_VANISHED");
        assertThat(messages(id)).extracting(m -> m.get("body").toString()).allMatch(b -> b.contains("halted"));
    }

    @Test
    void aDomainPausedOnTheHostShowsAsAPausedVm() {
        String id = running("paused-by-hand");
        host().driver().pause(uuid(id));
        await().atMost(WITHIN_SECONDS).until(() -> vm(id).getString("powerState").equals("paused"));
    }

    @Test
    void aDomainOfNoVmIsReportedOnceAndLeftAlone() throws Exception {
        UUID stranger = UUID.randomUUID();
        host().driver().create(new DomainSpec(stranger, "stranger", DomainType.PVH, 64L << 20, 64L << 20, 1, 1,
                "/boot/vmlinuz", null, null, null, Map.of(), List.of(), List.of()), false);
        String hostId = host().hostId().toString();

        await().atMost(WITHIN_SECONDS).until(() -> strangerMessages(hostId, stranger) == 1);
        // a later periodic report does not repeat it
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(10))
                .until(() -> strangerMessages(hostId, stranger) == 1);
        assertThat(host().driver().find(stranger)).isPresent();
    }

    private static long strangerMessages(String hostId, UUID stranger) {
        List<Map<String, Object>> messages = asAdmin().get("/api/v1/messages?class=host&object=" + hostId).then()
                .statusCode(200).extract().jsonPath().getList("$");
        return messages.stream().filter(m -> m.get("name").equals("HOST_UNKNOWN_DOMAIN")
                && m.get("body").toString().contains(stranger.toString())).count();
    }

    private static List<Map<String, Object>> messages(String vmId) {
        return asAdmin().get("/api/v1/messages?class=vm&object=" + vmId).then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static String eventToken() {
        return asAdmin().get("/api/v1/events").then().extract().path("token").toString();
    }

    private static List<Map<String, Object>> vmEventsSince(String token, String vmId) {
        JsonPath events = asAdmin().get("/api/v1/events?classes=vm&timeout=1&from=" + token).then().statusCode(200)
                .extract().jsonPath();
        return events.getList("events.findAll { it.ref == '" + vmId + "' }.snapshot");
    }

    private static SimulatedPool.SimHost host() {
        return pool.host(1);
    }

    private static String running(String name) {
        String id = smallVm(name + "-" + UUID.randomUUID());
        succeed(id, "start", null);
        return id;
    }
}
