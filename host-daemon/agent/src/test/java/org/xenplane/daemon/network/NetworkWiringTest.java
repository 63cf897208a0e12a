package org.xenplane.daemon.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.ConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xenplane.daemon.host.LocalHost;

/** The network driver choice and the settings that stop start-up. */
class NetworkWiringTest {

    private static NetworkConfig config(String driver, String namespace, String datapath) {
        return new NetworkConfig() {
            public String driver() { return driver; }
            public Optional<String> namespace() { return Optional.ofNullable(namespace); }
            public boolean createNamespaces() { return false; }
            public Optional<String> physicalDevices() { return Optional.empty(); }
            public Optional<List<String>> protectedDevices() { return Optional.empty(); }
            public Duration commandTimeout() { return Duration.ofSeconds(5); }
            public java.nio.file.Path runDir() { return java.nio.file.Path.of("/tmp/xpt-run"); }
            public Openvswitch openvswitch() {
                return new Openvswitch() {
                    public String db() { return "unix:/run/xp/{host}/db.sock"; }
                    public String datapathType() { return datapath; }
                };
            }
            public Simulated simulated() { return () -> 2; }
        };
    }

    private static List<LocalHost> hosts(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n)
                .mapToObj(i -> new LocalHost("sim-host-" + i, i, "127.0.0.1", null)).toList();
    }

    @Test
    void theSimulatorIsTheDefaultAndGivesEachHostItsOwnModel() {
        LocalNetworks networks = NetworkWiring.build(config("simulated", null, "auto"), hosts(3), new ObjectMapper());
        assertThat(networks.driver()).isEqualTo("simulated");
        assertThat(networks.of("sim-host-1").orElseThrow()).isNotSameAs(networks.of("sim-host-2").orElseThrow());
        assertThat(networks.of("sim-host-3").orElseThrow().interfaces()).hasSize(2);
    }

    @Test
    void aRealDriverForSeveralHostsWithoutANamespacePerHostStopsStartUp() {
        assertThatThrownBy(() -> NetworkWiring.build(config("linuxbridge", null, "auto"), hosts(2), new ObjectMapper()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("{host}");
        assertThatThrownBy(() -> NetworkWiring.build(config("openvswitch", "shared", "auto"), hosts(2), new ObjectMapper()))
                .isInstanceOf(ConfigurationException.class);
        assertThat(NetworkWiring.build(config("linuxbridge", "xp-{host}", "auto"), hosts(2), new ObjectMapper()).driver())
                .isEqualTo("linuxbridge");
    }

    @Test
    void anUnknownDriverOrDatapathStopsStartUpWithOneLine() {
        assertThatThrownBy(() -> NetworkWiring.build(config("nicira", null, "auto"), hosts(1), new ObjectMapper()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("xenplane.daemon.network.driver=nicira is not a known network driver; available: simulated, linuxbridge, openvswitch");
        assertThatThrownBy(() -> NetworkWiring.build(config("openvswitch", null, "dpdk"), hosts(1), new ObjectMapper()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("datapath-type=dpdk");
    }

    @Test
    void theAutomaticDatapathIsTheUserspaceOneWithoutTheKernelModule() {
        String expected = java.nio.file.Files.exists(java.nio.file.Path.of("/sys/module/openvswitch")) ? "system" : "netdev";
        assertThat(NetworkWiring.datapathType("auto")).isEqualTo(expected);
        assertThat(NetworkWiring.datapathType("netdev")).isEqualTo("netdev");
    }
}
