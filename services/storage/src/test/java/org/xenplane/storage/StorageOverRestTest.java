package org.xenplane.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.storage.StorageApi.MIB;
import static org.xenplane.storage.StorageApi.asAdmin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xenplane.core.daemon.DaemonCredentials;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.rest.ServiceCalls;
import org.xenplane.core.security.Role;
import org.xenplane.core.security.ServiceCredentials;
import org.xenplane.core.storage.StorageOverRest;
import org.xenplane.storage.service.StorageForVms;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * A VM service in another process, as the storage service sees it: core's StorageOverRest, with
 * the VM service's own credential, against this storage service. What it asks about a VM's disks
 * it answers as the in-process StorageForVms does, outside a transaction; inside one it makes no
 * call, and the storage service's own checks refuse what the in-process checks would have.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class StorageOverRestTest {
    private static final String ATTACHED_VMS = "/api/v1/vbds/attached-vms";

    @TestHTTPResource("/")
    URL base;
    @Inject
    ServiceCredentials serviceCredentials;
    @Inject
    DaemonCredentials credentials;
    @Inject
    StorageForVms inProcess;
    @Inject
    ObjectMapper json;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    EntityManager em;

    private RealDaemon daemon;
    private UUID sr;

    @BeforeEach
    void fileSrOnHost1() {
        daemon = RealDaemon.start(credentials, em);
        sr = StorageApi.fileSr(daemon.host(1), daemon.newSrPath());
    }

    private StorageOverRest overRest(Supplier<String> credential) {
        return new StorageOverRest(new ServiceCalls(base.toString(), "storage", credential, json, Duration.ofSeconds(10),
                ErrorCode.STORAGE_SERVICE_UNAVAILABLE), transactions);
    }

    private StorageOverRest asTheVmService() {
        return overRest(() -> serviceCredentials.tokenFor("vm", Role.VM_POWER_ADMIN));
    }

    @Test
    void theVmsWithAttachedDisksOverRestAreWhatTheStorageServiceAnswersInProcess() {
        UUID running = UUID.randomUUID();
        UUID halted = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        StorageApi.vbd(running, StorageApi.vdi(sr, MIB), 0, "RW");
        StorageApi.vbd(halted, StorageApi.vdi(sr, MIB), 0, "RW");
        asAdmin().body(Map.of("vmId", running, "hostId", daemon.host(1))).post("/api/v1/vbds/attach-vm").then().statusCode(200);
        List<UUID> asked = List.of(running, halted, unknown);

        assertThat(asTheVmService().vmsWithAttachedDisks(asked)).containsExactly(running)
                .isEqualTo(inProcess.vmsWithAttachedDisks(asked));
        assertThat(asTheVmService().vmsWithAttachedDisks(List.of())).isEmpty();

        asAdmin().body(Map.of("vmId", running)).post("/api/v1/vbds/detach-vm").then().statusCode(200);
        assertThat(asTheVmService().vmsWithAttachedDisks(asked)).isEmpty();
    }

    @Test
    void moreVmsThanOneCallTakesAreAskedInSeveralCalls() {
        UUID running = UUID.randomUUID();
        StorageApi.vbd(running, StorageApi.vdi(sr, MIB), 0, "RW");
        asAdmin().body(Map.of("vmId", running, "hostId", daemon.host(1))).post("/api/v1/vbds/attach-vm").then().statusCode(200);
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            many.add(UUID.randomUUID());
        }
        many.add(running);

        assertThat(asTheVmService().vmsWithAttachedDisks(many)).containsExactly(running);
        asAdmin().body(Map.of("vmId", running)).post("/api/v1/vbds/detach-vm").then().statusCode(200);
    }

    @Test
    void insideATransactionNothingIsAskedAndTheStorageServiceRefusesByItself() {
        UUID vm = UUID.randomUUID();
        StorageApi.vbd(vm, StorageApi.vdi(sr, MIB), 0, "RW");
        StorageOverRest noCallAllowed = overRest(() -> {
            throw new AssertionError("a call from inside a transaction");
        });

        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(noCallAllowed.vmsWithAttachedDisks(List.of(vm))).isEmpty();
            noCallAllowed.holdDisksForAttach(vm);
            noCallAllowed.assertHostCanAttach(vm, daemon.host(2));
        });
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> inProcess.assertHostCanAttach(vm, daemon.host(2))))
                .isInstanceOfSatisfying(XenplaneException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SR_NOT_ATTACHED));
        assertThatThrownBy(() -> asTheVmService().attachDisks(vm, daemon.host(2), UUID.randomUUID().toString()))
                .isInstanceOfSatisfying(XenplaneException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SR_NOT_ATTACHED));
        QuarkusTransaction.requiringNew().run(() -> inProcess.assertHostCanAttach(vm, daemon.host(1)));
    }

    @Test
    void attachedVmsNeedsACredentialAndAnswersBadInputWithAProblem() {
        given().contentType(ContentType.JSON).body(Map.of("vmIds", List.of())).post(ATTACHED_VMS).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(serviceCredentials.tokenFor("vm", Role.VM_POWER_ADMIN) + "x").contentType(ContentType.JSON)
                .body(Map.of("vmIds", List.of())).post(ATTACHED_VMS).then().statusCode(401);
        given().auth().oauth2(serviceCredentials.tokenFor("vm", Role.VM_POWER_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("vmIds", List.of(UUID.randomUUID()))).post(ATTACHED_VMS).then().statusCode(200)
                .body("vmIds", equalTo(List.of()));

        asAdmin().post(ATTACHED_VMS).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("INVALID_FIELD"));
        asAdmin().body(Map.of()).post(ATTACHED_VMS).then().statusCode(400).body("code", equalTo("INVALID_FIELD"))
                .body("parameters.field", equalTo("vmIds"));
        asAdmin().body(Map.of("vmIds", List.of("vm-1"))).post(ATTACHED_VMS).then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD"));
        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(UUID.randomUUID());
        }
        asAdmin().body(Map.of("vmIds", tooMany)).post(ATTACHED_VMS).then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD")).body("parameters.field", equalTo("vmIds"));
    }
}
