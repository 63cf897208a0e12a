package org.xenplane.daemon.host;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xenplane.daemon.DaemonConfig;
import org.xenplane.daemon.domain.DomainManager;
import org.xenplane.daemon.driver.DriverKind;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.HypervisorDriver;
import org.xenplane.daemon.driver.libxl.LibxlDriver;
import org.xenplane.daemon.driver.libxl.LibxlUnavailableException;
import org.xenplane.daemon.driver.simulator.GuestBehaviour;
import org.xenplane.daemon.driver.simulator.SimulatedHost;
import org.xenplane.daemon.driver.simulator.SimulatedLoad;
import org.xenplane.daemon.driver.simulator.SimulatorSettings;

/**
 * The hosts this daemon serves, built once from configuration: with the simulator, N simulated
 * hosts named {@code <prefix>-1 .. <prefix>-N}; with libxl, this machine. An unusable
 * configuration, or libxl off Xen, stops start-up with one line. Each host's domains outlive the
 * daemon: each host adopts the domains its hypervisor holds at start, with the specs kept in
 * {@code <state-dir>/domains/<key>/}; a simulated host keeps its hypervisor's state in
 * {@code <state-dir>/simulator/<key>.json}, as Xen keeps its domains across a toolstack restart.
 */
@ApplicationScoped
public class LocalHosts {
    /** The same rule as a join request's hostname; the key is also a file name in the state directory. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int MAX_SIMULATED_HOSTS = 1000;
    private static final String SIMULATED_ADDRESS = "127.0.0.1";
    private static final long MIB = 1024L * 1024L;
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(LocalHosts.class);

    private final DriverKind driver;
    private final Map<String, LocalHost> byKey = new LinkedHashMap<>();

    public LocalHosts(DaemonConfig config, @ConfigProperty(name = "quarkus.application.version") String version) {
        this.driver = DriverKind.fromConfig(config.driver());
        Path state = config.stateDir();
        if (driver == DriverKind.LIBXL) {
            String key = hostName(config);
            add(new LocalHost(key, 1, address(), manager(key, openLibxl(version), state)));
        } else {
            SimulatorSettings settings = settings(config.simulator());
            for (int i = 1; i <= config.simulator().hosts(); i++) {
                String key = config.simulator().namePrefix() + "-" + i;
                SimulatedHost host = SimulatedHost.persistent(settings, version, state.resolve("simulator").resolve(key + ".json"));
                host.useLoad(new SimulatedLoad(config.simulator().loadSeed() + i, System::nanoTime));
                add(new LocalHost(key, i, SIMULATED_ADDRESS, manager(key, host, state)));
            }
        }
    }

    /** The host's domain manager, which has adopted the domains the hypervisor holds. */
    private static DomainManager manager(String key, HypervisorDriver driver, Path state) {
        DomainManager domains = new DomainManager(key, driver, state.resolve("images").resolve(key),
                state.resolve("domains").resolve(key));
        try {
            domains.adopt();
        } catch (RuntimeException e) {
            LOG.errorf("%s: the domains already running could not be adopted now (%s); the next sweep tries again",
                    key, e.getMessage());
        }
        return domains;
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

    void close(@Observes ShutdownEvent event) {
        byKey.values().forEach(h -> h.driver().close());
    }

    private void add(LocalHost host) {
        byKey.put(host.key(), host);
    }

    private static HypervisorDriver openLibxl(String version) {
        try {
            return LibxlDriver.open(version);
        } catch (LibxlUnavailableException e) {
            throw new ConfigurationException("xenplane.daemon.driver=libxl: " + e.getMessage());
        }
    }

    private static SimulatorSettings settings(DaemonConfig.Simulator sim) {
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
        if (sim.dom0MemoryMib() < 0 || sim.dom0MemoryMib() >= sim.memoryMib()) {
            throw new ConfigurationException("xenplane.daemon.simulator.dom0-memory-mib=" + sim.dom0MemoryMib()
                    + ": must be at least 0 and less than memory-mib (" + sim.memoryMib() + ")");
        }
        GuestBehaviour guests = sim.guestsObey() ? new GuestBehaviour(true, sim.guestReaction())
                : GuestBehaviour.IGNORES_REQUESTS;
        return new SimulatorSettings(sim.cpus(), sim.memoryMib() * MIB, sim.dom0MemoryMib() * MIB,
                latencies(sim.latency()), guests);
    }

    private static Map<DriverOperation, Duration> latencies(Map<String, Duration> configured) {
        Map<DriverOperation, Duration> latency = new EnumMap<>(DriverOperation.class);
        configured.forEach((name, duration) -> {
            try {
                latency.put(DriverOperation.fromConfigName(name), duration);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("xenplane.daemon.simulator.latency." + name
                        + ": not an operation; use one of create, destroy, pause, unpause, shutdown, reboot,"
                        + " suspend, restore, migrate-send, migrate-receive, set-memory-target, set-vcpus-online");
            }
        });
        return latency;
    }

    private static String hostName(DaemonConfig config) {
        String name = config.hostName().orElseGet(LocalHosts::machineName);
        if (!KEY.matcher(name).matches()) {
            throw new ConfigurationException("xenplane.daemon.host-name=" + name
                    + ": use letters, digits, '.', '_' and '-' only");
        }
        return name;
    }

    private static String machineName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static String address() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
