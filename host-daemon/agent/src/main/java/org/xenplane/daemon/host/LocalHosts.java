package org.xenplane.daemon.host;

import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xenplane.daemon.DaemonConfig;
import org.xenplane.daemon.driver.DriverKind;
import org.xenplane.daemon.driver.simulator.SimulatedHost;

/**
 * The hosts this daemon serves, built once from configuration: with the simulator, N simulated
 * hosts named {@code <prefix>-1 .. <prefix>-N}. An unusable configuration stops start-up.
 */
@ApplicationScoped
public class LocalHosts {
    /** The same rule as a join request's hostname; the key is also a file name in the state directory. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_SIMULATED_HOSTS = 1000;
    private static final String SIMULATED_ADDRESS = "127.0.0.1";

    private final DriverKind driver;
    private final Map<String, LocalHost> byKey = new LinkedHashMap<>();

    public LocalHosts(DaemonConfig config, @ConfigProperty(name = "quarkus.application.version") String version) {
        this.driver = DriverKind.fromConfig(config.driver());
        for (LocalHost host : simulated(config.simulator(), version)) {
            byKey.put(host.key(), host);
        }
    }

    public DriverKind driver() {
        return driver;
    }

    public List<LocalHost> all() {
        return List.copyOf(byKey.values());
    }

    public Optional<LocalHost> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    private static List<LocalHost> simulated(DaemonConfig.Simulator sim, String version) {
        if (sim.hosts() < 1 || sim.hosts() > MAX_SIMULATED_HOSTS) {
            throw new ConfigurationException("xenplane.daemon.simulator.hosts=" + sim.hosts()
                    + ": must be between 1 and " + MAX_SIMULATED_HOSTS);
        }
        if (!KEY.matcher(sim.namePrefix()).matches()) {
            throw new ConfigurationException("xenplane.daemon.simulator.name-prefix=" + sim.namePrefix()
                    + ": use letters, digits, '.', '_' and '-' only, starting with a letter or digit");
        }
        if (sim.cpus() < 1 || sim.memoryMib() < 1) {
            throw new ConfigurationException("xenplane.daemon.simulator.cpus and .memory-mib must be at least 1");
        }
        List<LocalHost> hosts = new ArrayList<>();
        for (int i = 1; i <= sim.hosts(); i++) {
            SimulatedHost driver = new SimulatedHost(sim.cpus(), sim.memoryMib(), version);
            hosts.add(new LocalHost(sim.namePrefix() + "-" + i, i, SIMULATED_ADDRESS, driver));
        }
        return hosts;
    }
}
