package org.xenplane.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.FakeControlPlane.ReceivedJoin;
import org.xenplane.daemon.protocol.JoinRequest;
import org.xenplane.daemon.protocol.JoinResponse;

/** A daemon simulating two hosts joins a (fake) control plane with one token each, then heartbeats. */
@QuarkusTest
@WithTestResource(FakeControlPlaneResource.class)
class JoinAndHeartbeatTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @InjectFakeControlPlane
    FakeControlPlane controlPlane;

    @ConfigProperty(name = "xenplane.daemon.state-dir")
    Path stateDir;

    @Test
    void eachSimulatedHostJoinsWithItsOwnToken() {
        Map<String, String> tokenByHost = awaitJoins().stream()
                .collect(Collectors.toMap(j -> j.request().hostname(), j -> j.request().joinToken()));
        assertEquals(Map.of("sim-host-1", FakeControlPlaneResource.TOKEN_HOST_1,
                "sim-host-2", FakeControlPlaneResource.TOKEN_HOST_2), tokenByHost);
    }

    @Test
    void joinRequestCarriesProtocolVersionDaemonUrlAndSimulatedFacts() {
        ReceivedJoin join = awaitJoins().stream().filter(j -> j.request().hostname().equals("sim-host-1")).findFirst().orElseThrow();
        JoinRequest request = join.request();
        assertEquals("1", join.protocolVersion());
        assertEquals("127.0.0.1", request.address());
        assertTrue(request.daemonUrl().matches("http://127\\.0\\.0\\.1:\\d+/daemon/v1/hosts/sim-host-1"), request.daemonUrl());
        assertEquals(16, request.facts().cpuCount());
        assertEquals(65536L * 1024 * 1024, request.facts().memoryTotal());
        assertEquals("4.17.7-sim", request.facts().softwareVersions().get("xen"));
        assertEquals("simulator", request.facts().softwareVersions().get("driver"));
        assertTrue(request.facts().softwareVersions().containsKey("xenplane"));
    }

    @Test
    void heartbeatsArriveForBothHostsWithTheirHostCredentialAsBearer() {
        JoinResponse host1 = controlPlane.issued(FakeControlPlaneResource.TOKEN_HOST_1);
        JoinResponse host2 = controlPlane.issued(FakeControlPlaneResource.TOKEN_HOST_2);
        await().atMost(PATIENCE).until(() -> heartbeatHosts().containsAll(Set.of(host1.hostId(), host2.hostId())));
        for (FakeControlPlane.ReceivedHeartbeat beat : controlPlane.heartbeats()) {
            JoinResponse expected = beat.hostId().equals(host1.hostId()) ? host1 : host2;
            assertEquals("Bearer " + expected.hostCredential(), beat.authorization());
            assertEquals(16, beat.heartbeat().facts().cpuCount());
        }
    }

    @Test
    void heartbeatsKeepComingAtTheConfiguredInterval() {
        awaitJoins();
        int seen = controlPlane.heartbeats().size();
        // every 200 ms for two hosts: ten more take one second; a 1 s timer would need five
        await().atMost(Duration.ofSeconds(4)).until(() -> controlPlane.heartbeats().size() >= seen + 10);
    }

    @Test
    void identitiesAreSavedInFilesOnlyTheirOwnerCanRead() throws IOException {
        awaitJoins();
        for (String key : new String[] {"sim-host-1", "sim-host-2"}) {
            Path file = stateDir.resolve(key + ".json");
            await().atMost(PATIENCE).until(() -> Files.exists(file));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(stateDir)));
        String saved = Files.readString(stateDir.resolve("sim-host-1.json"));
        assertTrue(saved.contains(controlPlane.issued(FakeControlPlaneResource.TOKEN_HOST_1).hostId().toString()));
    }

    private List<ReceivedJoin> awaitJoins() {
        await().atMost(PATIENCE).until(() -> controlPlane.joins().size() >= 2);
        return controlPlane.joins();
    }

    private Set<UUID> heartbeatHosts() {
        return controlPlane.heartbeats().stream().map(FakeControlPlane.ReceivedHeartbeat::hostId).collect(Collectors.toSet());
    }
}
