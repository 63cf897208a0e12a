package org.xenplane.daemon.ha.watchdog;

import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xenplane.daemon.DaemonConfig;
import org.xenplane.daemon.driver.DriverKind;
import org.xenplane.daemon.driver.simulator.SimulatedHost;

/** Each local host's {@link Watchdog}, of the kind {@code xenplane.daemon.ha.watchdog} says. */
@Singleton
public class Watchdogs {
    /** The control plane's default safety margin, which a host's reset must beat. */
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(5);

    private final String kind;
    private final Duration timeout;
    private final Path device;
    private final Path stateDir;
    private final Map<String, Watchdog> byKey = new ConcurrentHashMap<>();

    public Watchdogs(DaemonConfig config) {
        DaemonConfig.Ha ha = config.ha();
        this.timeout = ha.watchdogTimeout();
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(SAFETY_MARGIN) >= 0) {
            throw new ConfigurationException("xenplane.daemon.ha.watchdog-timeout=" + timeout
                    + ": must be positive and below the control plane's safety margin of 5 s");
        }
        String configured = ha.watchdog();
        if ("auto".equals(configured)) {
            configured = DriverKind.fromConfig(config.driver()) == DriverKind.LIBXL ? "linux" : "simulated";
        }
        if (!java.util.Set.of("linux", "simulated", "none").contains(configured)) {
            throw new ConfigurationException("xenplane.daemon.ha.watchdog=" + ha.watchdog()
                    + ": use auto, linux, simulated or none");
        }
        this.kind = configured;
        this.device = ha.watchdogDevice();
        this.stateDir = config.stateDir();
    }

    public Duration timeout() {
        return timeout;
    }

    /** How often a safe host pets its watchdog: a sixth of the timeout. */
    public Duration petPeriod() {
        return timeout.dividedBy(6);
    }

    public Watchdog of(String key) {
        return byKey.computeIfAbsent(key, this::create);
    }

    private Watchdog create(String key) {
        return switch (kind) {
            case "linux" -> new LinuxWatchdog(device, timeout);
            case "simulated" -> new SimulatedWatchdog(stateDir.resolve("watchdog"), key,
                    SimulatedHost.powerOffMarker(stateDir.resolve("simulator").resolve(key + ".json")), timeout);
            default -> Watchdog.NONE;
        };
    }
}
