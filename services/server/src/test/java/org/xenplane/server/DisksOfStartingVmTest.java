package org.xenplane.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.xenplane.server.SimulatedDiskHost.MIB;
import static org.xenplane.server.SimulatedDiskHost.admin;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.testing.EmbeddedPostgresResource;

/**
 * A VM whose start was admitted but has not attached its disks yet holds them as if attached
 * (XenAPI marks a starting VM's VBDs): destroy, resize, snapshot, clone, copy and export of its
 * read-write disk are refused, and its allowedOperations say so. The start under way is made by
 * SQL, as the admission leaves the VM, so that the window is held open as long as the test needs.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DisksOfStartingVmTest {
    @Inject
    EntityManager em;

    @Test
    void theDiskOfAVmWhoseStartIsUnderWayIsInUse() {
        SimulatedDiskHost host = SimulatedDiskHost.get();
        UUID[] made = host.vmWithDisk("starting-" + UUID.randomUUID());
        UUID vm = made[0];
        UUID vdi = made[1];
        assertThat(allowed(vdi)).contains("destroy", "resize", "snapshot", "copy");

        setOperation(vm, "start");
        try {
            admin().delete("/api/v1/vdis/" + vdi).then().statusCode(409).body("code", equalTo("VDI_IN_USE"));
            admin().body(Map.of("virtualSize", 16 * MIB)).post("/api/v1/vdis/" + vdi + "/resize").then().statusCode(409)
                    .body("code", equalTo("OPERATION_NOT_ALLOWED"));
            admin().body(Map.of()).post("/api/v1/vdis/" + vdi + "/snapshot").then().statusCode(409)
                    .body("code", equalTo("OPERATION_NOT_ALLOWED"));
            admin().body(Map.of()).post("/api/v1/vdis/" + vdi + "/clone").then().statusCode(409)
                    .body("code", equalTo("OPERATION_NOT_ALLOWED"));
            admin().body(Map.of()).post("/api/v1/vdis/" + vdi + "/copy").then().statusCode(409)
                    .body("code", equalTo("VDI_IN_USE"));
            admin().accept("*/*").get("/api/v1/vdis/" + vdi + "/content").then().statusCode(409).body("code", equalTo("VDI_IN_USE"));
            assertThat(allowed(vdi)).doesNotContain("destroy", "resize", "snapshot", "clone", "copy", "export");
        } finally {
            setOperation(vm, null);
        }

        // the start is over (here: the VM is halted and idle again): the disk is free
        assertThat(allowed(vdi)).contains("destroy", "resize", "snapshot", "copy");
        host.remove(vm);
    }

    private static List<String> allowed(UUID vdi) {
        return admin().get("/api/v1/vdis/" + vdi).then().statusCode(200).extract().jsonPath().getList("allowedOperations");
    }

    private void setOperation(UUID vm, String operation) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update vm set current_operation = "
                        + (operation == null ? "null" : "'" + operation + "'") + " where id = ?1")
                .setParameter(1, vm).executeUpdate());
    }
}
