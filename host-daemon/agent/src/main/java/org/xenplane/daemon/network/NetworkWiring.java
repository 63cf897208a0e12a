package org.xenplane.daemon.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jboss.logging.Logger;
import org.xenplane.daemon.host.LocalHost;
import org.xenplane.daemon.host.LocalHosts;
import org.xenplane.daemon.network.linux.IpRoute;
import org.xenplane.daemon.network.linuxbridge.LinuxBridgeDriver;
import org.xenplane.daemon.network.openvswitch.OpenVswitchDriver;
import org.xenplane.daemon.network.simulated.SimulatedNetwork;

/** Builds each local host's network driver from {@code xenplane.daemon.network.*}. */
@ApplicationScoped
public class NetworkWiring {
    private static final Logger LOG = Logger.getLogger(NetworkWiring.class);
    static final String HOST_PLACEHOLDER = "{host}";

    @Produces
    @Singleton
    LocalNetworks localNetworks(NetworkConfig config, LocalHosts hosts, ObjectMapper json) {
        return build(config, hosts.all(), json);
    }

    static LocalNetworks build(NetworkConfig config, List<LocalHost> hosts, ObjectMapper json) {
        NetworkDriverKind kind = NetworkDriverKind.fromConfig(config.driver());
        String namespace = config.namespace().orElse("").trim();
        if (kind != NetworkDriverKind.SIMULATED && hosts.size() > 1 && !namespace.contains(HOST_PLACEHOLDER)) {
            throw new ConfigurationException("xenplane.daemon.network.driver=" + kind.id() + " with " + hosts.size()
                    + " hosts in one daemon: set xenplane.daemon.network.namespace to a name with {host} in it"
                    + " (e.g. xp-{host}) so that each host gets its own network namespace");
        }
        if (kind == NetworkDriverKind.SIMULATED && config.simulated().nics() < 1) {
            throw new ConfigurationException("xenplane.daemon.network.simulated.nics must be at least 1");
        }
        DevicePolicy policy = new DevicePolicy(config.physicalDevices().map(NetworkWiring::pattern),
                Set.copyOf(config.protectedDevices().orElse(List.of())));
        String datapath = datapathType(config.openvswitch().datapathType());
        Map<String, NetworkDriver> drivers = new LinkedHashMap<>();
        for (LocalHost host : hosts) {
            String ns = namespace.replace(HOST_PLACEHOLDER, host.key());
            Duration timeout = config.commandTimeout();
            Shell shell = new Shell(host.key(), ns, timeout);
            if (kind != NetworkDriverKind.SIMULATED && !ns.isEmpty() && config.createNamespaces()) {
                createNamespace(ns, timeout);
            }
            NetworkDriver driver = switch (kind) {
                case SIMULATED -> new SimulatedNetwork(host.key(), config.simulated().nics());
                case LINUXBRIDGE -> new LinuxBridgeDriver(new IpRoute(shell, json, config.runDir()), policy);
                case OPENVSWITCH -> new OpenVswitchDriver(new IpRoute(shell, json, config.runDir()), policy, json,
                        config.openvswitch().db().replace(HOST_PLACEHOLDER, host.key()), datapath);
            };
            drivers.put(host.key(), driver);
        }
        LOG.infof("Network driver %s for %d host(s)%s", kind.id(), hosts.size(),
                namespace.isEmpty() ? "" : " in namespaces " + namespace);
        return new LocalNetworks(kind.id(), drivers);
    }

    private static Pattern pattern(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ConfigurationException("xenplane.daemon.network.physical-devices is not a regular expression: "
                    + e.getDescription());
        }
    }

    static String datapathType(String configured) {
        return switch (configured) {
            case "system", "netdev" -> configured;
            case "auto" -> Files.exists(Path.of("/sys/module/openvswitch")) ? "system" : "netdev";
            default -> throw new ConfigurationException("xenplane.daemon.network.openvswitch.datapath-type=" + configured
                    + ": one of system, netdev, auto");
        };
    }

    private static void createNamespace(String ns, Duration timeout) {
        Shell root = new Shell("", null, timeout);
        if (!Files.exists(Path.of("/run/netns", ns))) {
            Shell.Result result = root.run("ip", "netns", "add", ns);
            if (!result.ok() && !Files.exists(Path.of("/run/netns", ns))) {
                throw new ConfigurationException("cannot create network namespace " + ns + ": " + result.stderr().strip());
            }
            LOG.infof("Created network namespace %s", ns);
        }
    }
}
