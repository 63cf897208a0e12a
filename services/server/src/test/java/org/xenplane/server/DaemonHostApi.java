package org.xenplane.server;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One simulated host of a packaged daemon as the daemon itself reports it: its domains (with the
 * host's control-plane credential from the daemon's state directory), its HA state (readiness's
 * {@code ha} check) and its simulated watchdog's child process.
 */
final class DaemonHostApi {
    private final Path stateDir;
    private final int port;
    private final String key;

    /** @param key the host's local key: its simulated name, {@code <name-prefix>-<i>} */
    DaemonHostApi(Path stateDir, int port, String key) {
        this.stateDir = stateDir;
        this.port = port;
        this.key = key;
    }

    /** The VM ids of the domains the host runs (asks the daemon; fails if it does not answer). */
    List<String> domainVmIds() throws IOException {
        String credential = new ObjectMapper().readTree(stateDir.resolve(key + ".json").toFile())
                .get("controlPlaneCredential").asText();
        return given().baseUri(url()).header("Authorization", "Bearer " + credential)
                .get("/daemon/v1/hosts/" + key + "/domains").then().statusCode(200).extract().jsonPath()
                .getList("domains.vmId");
    }

    /** The host's HA state ({@code disabled}, {@code lease-valid}, {@code fenced}, ...), or null while the daemon does not answer. */
    String haState() {
        try {
            JsonPath ready = given().baseUri(url()).get("/q/health/ready").then().extract().jsonPath();
            return ready.getString("checks.find { it.name == 'ha' }.data.'" + key + "'");
        } catch (Exception notAnswering) { // rest-assured throws ConnectException unchecked: the port is not open yet
            return null;
        }
    }

    /** The simulated watchdog's child process, if it runs (the pid's process, if it still watches this host's pet file). */
    Optional<ProcessHandle> watchdog() {
        Path dir = stateDir.resolve("watchdog");
        String petFile = dir.resolve(key + ".pet").toString();
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve(key + ".pid")).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains(petFile));
        } catch (IOException | NumberFormatException none) {
            return Optional.empty();
        }
    }

    private String url() {
        return "http://127.0.0.1:" + port;
    }
}
