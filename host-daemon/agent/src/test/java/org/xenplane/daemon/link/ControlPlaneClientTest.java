package org.xenplane.daemon.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.FakeControlPlane;
import org.xenplane.daemon.driver.simulator.SimulatedHost;
import org.xenplane.daemon.driver.simulator.SimulatorSettings;
import org.xenplane.daemon.protocol.JoinRequest;

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
}
