package org.xenplane.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xenplane.network.TestPool.DAEMON;
import static org.xenplane.network.TestPool.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.network.NetworkingOverRest;
import org.xenplane.core.network.Nic;
import org.xenplane.core.rest.ServiceCalls;
import org.xenplane.core.security.Role;
import org.xenplane.core.security.ServiceCredentials;
import org.xenplane.daemon.protocol.network.UplinkKind;
import org.xenplane.network.service.NetworkingForVms;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * A VM service in another process, as the network service sees it: core's NetworkingOverRest,
 * with the VM service's own credential, against this network service's {@code /api/v1/vm-vifs}
 * endpoints. It answers what the in-process NetworkingForVms answers, refuses with the same codes,
 * and never sends anything from inside a database transaction.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class NetworkingOverRestTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    ServiceCredentials serviceCredentials;

    @Inject
    DaemonCredentials credentials;

    @Inject
    NetworkingForVms inProcess;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    TestVmDomains vms;

    private NetworkingOverRest overRest(Supplier<String> credential) {
        return new NetworkingOverRest(new ServiceCalls(base.toString(), "network", credential, json, Duration.ofSeconds(10),
                ErrorCode.NETWORK_SERVICE_UNAVAILABLE), transactions);
    }

    private NetworkingOverRest asTheVmService() {
        return overRest(() -> serviceCredentials.tokenFor("vm", Role.VM_POWER_ADMIN));
    }

    private static String vif(UUID vm, int device, String network) {
        return admin().body(Map.of("vmId", vm.toString(), "device", device, "networkId", network)).post("/api/v1/vifs")
                .then().statusCode(201).extract().path("id");
    }

    private static boolean attached(String vif) {
        return admin().get("/api/v1/vifs/" + vif).then().statusCode(200).extract().path("currentlyAttached");
    }

    @Test
    void aVmsNicsOverRestAreWhatTheNetworkServiceAnswersInProcess() {
        UUID vm = UUID.randomUUID();
        vif(vm, 1, TestPool.network("rest back").getString("id"));
        vif(vm, 0, TestPool.network("rest front").getString("id"));

        assertThat(asTheVmService().nicsForVm(vm)).hasSize(2).isEqualTo(inProcess.nicsForVm(vm));
        assertThat(asTheVmService().nicsForVm(UUID.randomUUID())).isEmpty();
    }

    @Test
    void ensuringOverRestMakesTheBridgesAndRefusesAHostWithoutAPifWithTheSameCode() {
        String nic = TestPool.unique("n");
        String name = TestPool.unique("h");
        UUID withNic = TestPool.join(credentials, name, "mgmt0", nic);
        UUID without = TestPool.join(credentials, TestPool.unique("h"), "mgmt0");
        String physical = TestPool.scan(withNic).get(nic).getString("networkId");
        UUID vm = UUID.randomUUID();
        vif(vm, 0, physical);

        assertThat(asTheVmService().ensureNetworksOnHost(vm, withNic)).extracting(Nic::bridge).containsExactly("xb" + nic);
        assertThat(DAEMON.host(name).bridges.get("xb" + nic).uplink().kind()).isEqualTo(UplinkKind.DEVICE);
        assertThatThrownBy(() -> asTheVmService().ensureNetworksOnHost(vm, without))
                .isInstanceOfSatisfying(XenplaneException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.HOST_CANNOT_ATTACH_NETWORK));
        asTheVmService().assertHostCanAttach(vm, without); // placement's check makes no call: the ensure refuses
    }

    @Test
    void copyingOverRestMakesTheVifsOnceAndDestroyingRemovesThem() {
        UUID vm = UUID.randomUUID();
        UUID copy = UUID.randomUUID();
        String network = TestPool.network("rest copies").getString("id");
        vif(vm, 0, network);
        vif(vm, 3, network);

        assertThat(asTheVmService().copyVifs(vm, copy)).isEqualTo(2);
        assertThat(asTheVmService().copyVifs(vm, copy)).isZero();
        assertThat(inProcess.nicsForVm(copy)).extracting(Nic::device).containsExactly(0, 3);
        assertThat(inProcess.nicsForVm(copy)).extracting(Nic::mac).doesNotContainAnyElementsOf(
                inProcess.nicsForVm(vm).stream().map(Nic::mac).toList());
        assertThat(asTheVmService().destroyVifs(copy)).isEqualTo(2);
        assertThat(asTheVmService().destroyVifs(copy)).isZero();
        assertThat(inProcess.nicsForVm(copy)).isEmpty();
    }

    @Test
    void attachedFlagsAreSentOnlyOnceTheCallersTransactionCommits() {
        UUID vm = UUID.randomUUID();
        String vif = vif(vm, 0, TestPool.network("rest flags").getString("id"));

        QuarkusTransaction.requiringNew().run(() -> {
            asTheVmService().setVifsAttached(vm, true);
            assertThat(attached(vif)).isFalse();
        });
        assertThat(attached(vif)).isTrue();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            asTheVmService().setVifsAttached(vm, false);
            throw new IllegalStateException("the VM's transaction fails");
        })).hasMessageContaining("fails");
        assertThat(attached(vif)).isTrue();

        asTheVmService().setVifsAttached(vm, false);
        assertThat(attached(vif)).isFalse();
    }

    @Test
    void aRefusedCredentialOrAnUnreachableServiceIsNetworkServiceUnavailable() {
        UUID vm = UUID.randomUUID();
        assertThatThrownBy(() -> overRest(() -> "xps_not-a-credential").nicsForVm(vm))
                .isInstanceOfSatisfying(XenplaneException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NETWORK_SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("credential");
                });
        NetworkingOverRest nowhere = new NetworkingOverRest(new ServiceCalls("http://127.0.0.1:1", "network",
                () -> "xps_x", json, Duration.ofSeconds(2), ErrorCode.NETWORK_SERVICE_UNAVAILABLE), transactions);
        assertThatThrownBy(() -> nowhere.destroyVifs(vm)).isInstanceOfSatisfying(XenplaneException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK_SERVICE_UNAVAILABLE));
    }

    @Test
    void aVmTheVmServiceDoesNotKnowIsHandleInvalid() {
        UUID gone = UUID.randomUUID();
        vms.forget(gone);

        assertThatThrownBy(() -> asTheVmService().nicsForVm(gone)).isInstanceOfSatisfying(XenplaneException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.HANDLE_INVALID));
        admin().delete("/api/v1/vm-vifs/" + gone).then().statusCode(404)
                .body("code", org.hamcrest.Matchers.equalTo("HANDLE_INVALID"));
    }

    @Test
    void aReadOnlyCallerMayNotChangeAVmsVifs() {
        admin().body(Map.of("toVmId", UUID.randomUUID().toString())).post("/api/v1/vm-vifs/" + UUID.randomUUID() + "/copy")
                .then().statusCode(200);
        admin().body(Map.of()).post("/api/v1/vm-vifs/" + UUID.randomUUID() + "/copy").then().statusCode(400)
                .body("code", org.hamcrest.Matchers.equalTo("INVALID_FIELD"));
        admin().body(Map.of("hostId", "x")).post("/api/v1/vm-vifs/not-an-id/ensure").then().statusCode(400);
        String readOnly = serviceCredentials.tokenFor("reader", Role.READ_ONLY);
        TestPool.as(readOnly).delete("/api/v1/vm-vifs/" + UUID.randomUUID()).then().statusCode(403);
    }
}
