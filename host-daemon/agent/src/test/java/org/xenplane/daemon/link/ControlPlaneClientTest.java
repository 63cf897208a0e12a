package org.xenplane.daemon.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.FakeControlPlane;
import org.xenplane.daemon.driver.simulator.SimulatedHost;
import org.xenplane.daemon.driver.simulator.SimulatorSettings;
import org.xenplane.daemon.protocol.JoinRequest;
import org.xenplane.daemon.protocol.ha.HaLease;
import org.xenplane.daemon.protocol.ha.HaPeer;

class ControlPlaneClientTest {
    private static final JoinRequest REQUEST = new JoinRequest("xpj_a", "sim-host-1", "127.0.0.1",
            "http://127.0.0.1:8444/daemon/v1/hosts/sim-host-1", new SimulatedHost(SimulatorSettings.host(2, 1024), "test").facts());

    @Test
    void joinToAControlPlaneThatIsNotListeningIsUnavailableNotRefused() throws IOException {
        FakeControlPlane gone = FakeControlPlane.start();
        String url = gone.url();
        gone.close();
        JoinResult result = new ControlPlaneClient(url, new ObjectMapper()).join(REQUEST);
        assertInstanceOf(JoinResult.Unavailable.class, result);
    }

    @Test
    void joinWithAnUnknownTokenIsRefusedWithTheProblemCode() throws IOException {
        try (FakeControlPlane controlPlane = FakeControlPlane.start()) {
            JoinResult result = new ControlPlaneClient(controlPlane.url(), new ObjectMapper()).join(REQUEST);
            assertEquals(new JoinResult.Refused("HTTP 401 JOIN_TOKEN_INVALID"), result);
        }
    }

    @Test
    void joinWithAnIssuedTokenReturnsTheIdentity() throws IOException {
        try (FakeControlPlane controlPlane = FakeControlPlane.start()) {
            var issued = controlPlane.issue("xpj_a");
            JoinResult result = new ControlPlaneClient(controlPlane.url() + "/", new ObjectMapper()).join(REQUEST);
            assertEquals(new JoinResult.Joined(issued), result);
            assertEquals(Map.of("xen", "4.17.7-sim", "xenplane", "test", "driver", "simulator"),
                    controlPlane.joins().get(0).request().facts().softwareVersions());
        }
    }

    /** A 200 carries the HA terms, peer token included; a 204 (a control plane without HA) reads as HA disabled; a refusal is no acknowledgement. */
    @Test
    void aHeartbeatsAnswerIsReadAsItsAcknowledgement() throws Exception {
        try (FakeControlPlane controlPlane = FakeControlPlane.start()) {
            var issued = controlPlane.issue("xpj_a");
            ControlPlaneClient client = new ControlPlaneClient(controlPlane.url(), new ObjectMapper());
            HeartbeatAnswer plain = client.heartbeat(issued.hostId(), issued.hostCredential(), REQUEST.facts()).get();
            assertEquals(204, plain.status());
            assertEquals(HaLease.disabled().enabled(), plain.ack().ha().enabled());

            HaLease terms = new HaLease(true, 30_000, List.of(new HaPeer(UUID.randomUUID(), "http://127.0.0.1:1/x")), "peer-secret");
            controlPlane.acknowledgeWith(id -> terms);
            HeartbeatAnswer acked = client.heartbeat(issued.hostId(), issued.hostCredential(), REQUEST.facts()).get();
            assertEquals(200, acked.status());
            assertEquals(terms, acked.ack().ha());

            HeartbeatAnswer refused = client.heartbeat(issued.hostId(), "xph_wrong", REQUEST.facts()).get();
            assertEquals(401, refused.status());
            assertFalse(refused.acknowledged());
        }
    }
}
