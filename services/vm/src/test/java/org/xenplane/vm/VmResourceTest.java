package org.xenplane.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.xenplane.vm.VmApi.MIB;
import static org.xenplane.vm.VmApi.as;
import static org.xenplane.vm.VmApi.asAdmin;
import static org.xenplane.vm.VmApi.smallVm;
import static org.xenplane.vm.VmApi.smallVmBody;
import static org.xenplane.vm.VmApi.vm;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.core.security.Role;
import org.xenplane.testing.EmbeddedPostgresResource;

/** VM records through the API: templates, create, update, clone, copy, snapshot, revert, destroy, and who may. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class VmResourceTest {

    @Test
    void theBuiltInTemplatesArePvhPvAndHvmAndCannotBeStartedOrDestroyed() {
        JsonPath templates = asAdmin().get("/api/v1/vms?template=true").then().statusCode(200).extract().jsonPath();
        assertThat(templates.getList("findAll { it.isDefaultTemplate }.domainType")).contains("pvh", "pv", "hvm");
        assertThat(templates.getList("findAll { it.isDefaultTemplate }.allowedOperations.flatten()"))
                .doesNotContain("start", "destroy", "update");

        asAdmin().post("/api/v1/vms/" + VmApi.HVM_TEMPLATE + "/start").then().statusCode(409).body("code", equalTo("VM_IS_TEMPLATE"));
        asAdmin().delete("/api/v1/vms/" + VmApi.HVM_TEMPLATE).then().statusCode(409).body("code", equalTo("OPERATION_NOT_ALLOWED"));
    }

    @Test
    void aBuiltInTemplateIsReadOnlyAndSaysToCloneItFirst() {
        String before = vm(VmApi.HVM_TEMPLATE).getString("name");
        asAdmin().body(Map.of("name", "my-hvm")).patch("/api/v1/vms/" + VmApi.HVM_TEMPLATE).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("OPERATION_NOT_ALLOWED"))
                .body("parameters.operation", equalTo("vm.update")).body("parameters.reason", containsString("clone"));
        assertThat(vm(VmApi.HVM_TEMPLATE).getString("name")).isEqualTo(before);

        String mine = asAdmin().body(Map.of("name", "my-hvm")).post("/api/v1/vms/" + VmApi.HVM_TEMPLATE + "/clone").then()
                .statusCode(201).body("isATemplate", equalTo(true)).body("isDefaultTemplate", equalTo(false))
                .body("allowedOperations", hasItems("update", "destroy")).extract().path("id");
        asAdmin().body(Map.of("description", "mine")).patch("/api/v1/vms/" + mine).then().statusCode(200);
    }

    @Test
    void aVmFromATemplateTakesItsSettingsUnlessGivenAndIsHalted() {
        asAdmin().body(Map.of("template", VmApi.LINUX_PVH_TEMPLATE, "name", "from-template", "vcpusAtStartup", 1))
                .post("/api/v1/vms").then().statusCode(201)
                .header("Location", notNullValue()).header("Xenplane-Task", notNullValue())
                .body("name", equalTo("from-template")).body("powerState", equalTo("halted"))
                .body("isATemplate", equalTo(false)).body("parent", equalTo(VmApi.LINUX_PVH_TEMPLATE))
                .body("domainType", equalTo("pvh")).body("vcpusMax", equalTo(2)).body("vcpusAtStartup", equalTo(1))
                .body("kernel", equalTo("/var/lib/xenplane/guest/vmlinuz"))
                .body("allowedOperations", hasItems("start", "start_on", "clone", "copy", "snapshot", "destroy", "update"));
    }

    @Test
    void memoryOutOfOrderIsAMemoryConstraintViolation() {
        Map<String, Object> body = smallVmBody("bad-memory");
        body.put("memoryDynamicMax", 512 * MIB);
        asAdmin().body(body).post("/api/v1/vms").then().statusCode(400)
                .body("code", equalTo("MEMORY_CONSTRAINT_VIOLATION"))
                .body("parameters.dynamic_max", equalTo(String.valueOf(512 * MIB)))
                .body("detail", containsString("memoryDynamicMax=" + 512 * MIB));
        Map<String, Object> vcpus = smallVmBody("bad-vcpus");
        vcpus.put("vcpusAtStartup", 4);
        asAdmin().body(vcpus).post("/api/v1/vms").then().statusCode(400)
                .body("code", equalTo("INVALID_FIELD")).body("parameters.field", equalTo("vcpusAtStartup"));
    }

    @Test
    void anUnknownTemplateIsHandleInvalidAndAVmIsNoTemplate() {
        asAdmin().body(Map.of("template", UUID.randomUUID(), "name", "x")).post("/api/v1/vms").then().statusCode(404)
                .body("code", equalTo("HANDLE_INVALID"));
        String vm = smallVm("not-a-template");
        asAdmin().body(Map.of("template", vm, "name", "x")).post("/api/v1/vms").then().statusCode(409)
                .body("code", equalTo("OPERATION_NOT_ALLOWED"));
    }

    @Test
    void aHaltedVmsSettingsChangeAndItCanBecomeATemplate() {
        String id = smallVm("to-template");
        asAdmin().body(Map.of("name", "renamed", "memoryStaticMax", 512 * MIB, "tags", List.of("web")))
                .patch("/api/v1/vms/" + id).then().statusCode(200)
                .body("name", equalTo("renamed")).body("memoryStaticMax", equalTo((int) (512 * MIB)))
                .body("tags", equalTo(List.of("web")));
        asAdmin().body(Map.of("isATemplate", true)).patch("/api/v1/vms/" + id).then().statusCode(200)
                .body("isATemplate", equalTo(true));
        asAdmin().post("/api/v1/vms/" + id + "/start").then().statusCode(409).body("code", equalTo("VM_IS_TEMPLATE"));
    }

    @Test
    void cloneAndCopyMakeNewHaltedVmsWithTheSourceAsParent() {
        String id = smallVm("source");
        for (String operation : List.of("clone", "copy")) {
            String made = asAdmin().body(Map.of("name", operation + "-of-source")).post("/api/v1/vms/" + id + "/" + operation)
                    .then().statusCode(201).body("parent", equalTo(id)).body("powerState", equalTo("halted"))
                    .body("memoryStaticMax", equalTo((int) (256 * MIB))).extract().path("id");
            assertThat(made).isNotEqualTo(id);
        }
    }

    @Test
    void aSnapshotIsATemplateListedOnItsVmAndRevertBringsItsSettingsBack() {
        String id = smallVm("snap");
        assertThat(vm(id).getList("allowedOperations")).doesNotContain("revert");
        asAdmin().body(Map.of("snapshot", id)).post("/api/v1/vms/" + id + "/revert").then().statusCode(409)
                .body("code", equalTo("OPERATION_NOT_ALLOWED")).body("parameters.reason", containsString("no snapshots"));
        String snapshot = asAdmin().body(Map.of("name", "before")).post("/api/v1/vms/" + id + "/snapshot").then()
                .statusCode(201).body("isASnapshot", equalTo(true)).body("isATemplate", equalTo(true))
                .body("snapshotOf", equalTo(id)).body("snapshotTime", notNullValue()).extract().path("id");
        assertThat(vm(id).getList("snapshots")).containsExactly(snapshot);
        assertThat(vm(id).getList("allowedOperations")).contains("revert");

        asAdmin().body(Map.of("memoryStaticMax", 1024 * MIB, "memoryDynamicMax", 1024 * MIB, "memoryDynamicMin", 1024 * MIB))
                .patch("/api/v1/vms/" + id).then().statusCode(200);
        asAdmin().body(Map.of("snapshot", snapshot)).post("/api/v1/vms/" + id + "/revert").then().statusCode(200)
                .body("memoryStaticMax", equalTo((int) (256 * MIB)));
        asAdmin().body(Map.of("snapshot", id)).post("/api/v1/vms/" + id + "/revert").then().statusCode(409)
                .body("code", equalTo("OPERATION_NOT_ALLOWED"));
        asAdmin().post("/api/v1/vms/" + snapshot + "/start").then().statusCode(409).body("code", equalTo("VM_IS_SNAPSHOT"));
    }

    @Test
    void aDestroyedVmIsGoneAndItsDeletionIsAnEvent() {
        String token = asAdmin().get("/api/v1/events").then().extract().path("token").toString();
        String id = smallVm("doomed");
        asAdmin().delete("/api/v1/vms/" + id).then().statusCode(204).header("Xenplane-Task", notNullValue());
        asAdmin().get("/api/v1/vms/" + id).then().statusCode(404).body("code", equalTo("HANDLE_INVALID"));

        JsonPath events = asAdmin().get("/api/v1/events?classes=vm&timeout=5&from=" + token).then().statusCode(200)
                .extract().jsonPath();
        // the mod: the VM is marked busy with the destroy while its VBDs go (XenAPI current_operations)
        assertThat(events.getList("events.findAll { it.ref == '" + id + "' }.operation")).containsExactly("add", "mod", "del");
    }

    @Test
    void eachRoleMayDoWhatXenServerLetsItDo() {
        String operator = VmApi.tokenFor(Role.VM_OPERATOR);
        String readOnly = VmApi.tokenFor(Role.READ_ONLY);
        String vmAdmin = VmApi.tokenFor(Role.VM_ADMIN);
        String id = smallVm("rbac");

        as(readOnly).get("/api/v1/vms/" + id).then().statusCode(200);
        as(readOnly).post("/api/v1/vms/" + id + "/start").then().statusCode(403).body("code", equalTo("RBAC_PERMISSION_DENIED"))
                .body("parameters.required_role", equalTo("vm-operator"));
        as(operator).body(smallVmBody("by-operator")).post("/api/v1/vms").then().statusCode(403)
                .body("parameters.required_role", equalTo("vm-admin"));
        as(vmAdmin).body(Map.of("name", "snap")).post("/api/v1/vms/" + id + "/snapshot").then().statusCode(403)
                .body("parameters.required_role", equalTo("vm-power-admin"));
        as(vmAdmin).body(Map.of("host", UUID.randomUUID())).post("/api/v1/vms/" + id + "/start-on").then().statusCode(403);
        as(vmAdmin).body(Map.of("name", "clone")).post("/api/v1/vms/" + id + "/clone").then().statusCode(201);
    }

    @Test
    void aStartWithNoHostInThePoolIsNoHostsAvailableAndTheVmStaysHalted() {
        String id = smallVm("nowhere");
        disableEveryHost();
        asAdmin().post("/api/v1/vms/" + id + "/start").then().statusCode(409).body("code", equalTo("NO_HOSTS_AVAILABLE"));
        assertThat(vm(id).getString("powerState")).isEqualTo("halted");
        assertThat(vm(id).getMap("currentOperations")).isEmpty();
    }

    @Test
    void aRepeatedIdempotencyKeyCreatesOneVm() {
        String key = "create-" + UUID.randomUUID();
        String first = asAdmin().header("Idempotency-Key", key).body(smallVmBody("idem")).post("/api/v1/vms")
                .then().statusCode(201).extract().path("id");
        String second = asAdmin().header("Idempotency-Key", key).body(smallVmBody("idem")).post("/api/v1/vms")
                .then().statusCode(201).extract().path("id");
        assertThat(second).isEqualTo(first);
    }

    private static void disableEveryHost() {
        List<String> hosts = asAdmin().get("/api/v1/hosts").then().extract().jsonPath().getList("findAll { it.enabled }.id");
        hosts.forEach(h -> asAdmin().post("/api/v1/hosts/" + h + "/disable").then().statusCode(200));
    }
}
