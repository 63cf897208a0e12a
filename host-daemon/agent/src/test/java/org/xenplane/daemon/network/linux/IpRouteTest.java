package org.xenplane.daemon.network.linux;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.network.Shell;

/** How {@link IpRoute} reads a Xen dom0's devices, from what {@code ip -d -j addr show} prints there. */
class IpRouteTest {
    /** Trimmed from the real-Xen proof's dom0: a virtio NIC, a bridge, and a running guest's VIF backend. */
    private static final String DOM0_LINKS = """
            [{"ifindex":1,"ifname":"lo","flags":["LOOPBACK","UP"],"mtu":65536,"address":"00:00:00:00:00:00"},
             {"ifindex":2,"ifname":"eth0","flags":["BROADCAST","UP"],"mtu":1500,"address":"52:54:00:12:34:56",
              "parentbus":"virtio","parentdev":"virtio0",
              "addr_info":[{"family":"inet","local":"10.0.2.15","prefixlen":24,"scope":"global"}]},
             {"ifindex":3,"ifname":"xenbr1","flags":["BROADCAST","UP"],"mtu":1500,"address":"fe:ff:ff:ff:ff:ff",
              "linkinfo":{"info_kind":"bridge"}},
             {"ifindex":4,"ifname":"vif1.0","flags":["BROADCAST","UP"],"mtu":1500,"address":"fe:ff:ff:ff:ff:ff",
              "master":"xenbr1","parentbus":"xen-backend","parentdev":"vif-1-0"}]
            """;

    @Test
    void aVifBackendIsNotOnABusButTheVirtioNicIs(@TempDir Path runDir) {
        IpRoute ip = new IpRoute(new CannedShell(DOM0_LINKS), new ObjectMapper(), runDir);

        Map<String, KernelLink> links = ip.links();

        assertThat(links).containsOnlyKeys("eth0", "xenbr1", "vif1.0");
        assertThat(links.get("eth0").onABus()).isTrue();
        assertThat(links.get("vif1.0").onABus()).isFalse();
        assertThat(links.get("vif1.0").master()).isEqualTo("xenbr1");
        assertThat(links.get("xenbr1").onABus()).isFalse();
    }

    /** Answers every command with the same output, running nothing. */
    private static final class CannedShell extends Shell {
        private final String stdout;

        CannedShell(String stdout) {
            super("test-host", null, Duration.ofSeconds(1));
            this.stdout = stdout;
        }

        @Override
        public Result run(String... command) {
            return new Result(0, stdout, "");
        }
    }
}
