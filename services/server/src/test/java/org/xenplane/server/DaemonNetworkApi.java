package org.xenplane.server;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario test looking at a host daemon directly, as the control plane does: with the host's
 * control-plane credential, read from the daemon's state directory (the test owns it).
 */
final class DaemonNetworkApi {
    private final String baseUrl;
    private final String credential;

    DaemonNetworkApi(Path stateDir, int daemonPort, String localKey) throws IOException {
        JsonNode identity = new ObjectMapper().readTree(stateDir.resolve(localKey + ".json").toFile());
        this.credential = identity.get("controlPlaneCredential").asText();
        this.baseUrl = "http://127.0.0.1:" + daemonPort + "/daemon/v1/hosts/" + localKey + "/network";
    }

    RequestSpecification call() {
        return given().baseUri(baseUrl).header("Authorization", "Bearer " + credential).contentType("application/json");
    }

    List<Map<String, Object>> interfaces() {
        return call().get("/interfaces").then().statusCode(200).extract().jsonPath().getList("interfaces");
    }

    Optional<Map<String, Object>> find(String name) {
        return interfaces().stream().filter(i -> i.get("name").equals(name)).findFirst();
    }

    JsonPath report() {
        return call().get("/interfaces").then().statusCode(200).extract().jsonPath();
    }
}
