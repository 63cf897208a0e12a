package org.xenplane.server;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The disk devices ({@code vbd:xvda}, ...) of a VM's domain as the host daemon reports them, asked with the control plane's credential. */
final class DomainDisks {
    private final String daemonUrl;
    private final String credential;

    DomainDisks(String daemonUrl, String credential) {
        this.daemonUrl = daemonUrl;
        this.credential = credential;
    }

    List<String> of(UUID vm) {
        return domainsOf(vm).stream().flatMap(d -> ((List<?>) d.get("devices")).stream().map(Object::toString))
                .filter(device -> device.startsWith("vbd:")).toList();
    }

    /** Whether the host runs a domain of the VM. */
    boolean exists(UUID vm) {
        return !domainsOf(vm).isEmpty();
    }

    private List<Map<String, Object>> domainsOf(UUID vm) {
        List<Map<String, Object>> domains = given().baseUri(daemonUrl).auth().oauth2(credential).accept(ContentType.JSON)
                .get("/domains").then().statusCode(200).extract().jsonPath().getList("domains");
        return domains.stream().filter(d -> vm.toString().equals(d.get("vmId"))).toList();
    }
}
