package org.xenplane.daemon.host;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.xenplane.daemon.DaemonConfig;
import org.xenplane.daemon.api.DaemonException;
import org.xenplane.daemon.driver.simulator.SimulatedHost;
import org.xenplane.daemon.protocol.WireError;

/**
 * A host's power, as the control plane's {@code host.shutdown} and {@code host.reboot} and the
 * simulator's power button change it. Simulated only in this phase: a simulated host that is shut
 * down loses its domains and is off (no heartbeats, its API answers {@code HOST_OFFLINE}) until it
 * is powered on again; a reboot is a shutdown followed, {@code xenplane.daemon.simulator.reboot-delay}
 * later, by a power-on. A real host answers {@code NOT_FOUND}: the daemon does not power off Xen hosts yet.
 */
@ApplicationScoped
public class HostPower {
    private static final Logger LOG = Logger.getLogger(HostPower.class);

    private final Set<String> off = ConcurrentHashMap.newKeySet();
    private final Map<String, ScheduledFuture<?>> pendingPowerOn = new ConcurrentHashMap<>();
    private final Duration rebootDelay;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "xenplane-host-power");
        t.setDaemon(true);
        return t;
    });

    public HostPower(DaemonConfig config) {
        this.rebootDelay = config.simulator().rebootDelay();
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    /** Whether the host is powered on (every host is, unless shut down or rebooting). */
    public boolean isOn(String key) {
        return !off.contains(key);
    }

    /** The host halts: its domains end, it is off until powered on. */
    public void shutdown(LocalHost host) {
        halt(host, "shut down");
    }

    /** The host halts and comes back on after the reboot delay, empty. */
    public void reboot(LocalHost host) {
        halt(host, "rebooting");
        pendingPowerOn.put(host.key(), timer.schedule(() -> powerOn(host), rebootDelay.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The host is on again (its daemon's heartbeats resume); already on: nothing changes. */
    public void powerOn(LocalHost host) {
        cancelPowerOn(host.key());
        if (off.remove(host.key())) {
            LOG.infof("%s: powered on", host.key());
        }
    }

    private void halt(LocalHost host, String what) {
        if (!(host.driver() instanceof SimulatedHost simulated)) {
            throw new DaemonException(WireError.NOT_FOUND, Map.of(), "host shutdown and reboot are simulated only in this phase");
        }
        cancelPowerOn(host.key());
        off.add(host.key());
        simulated.powerOff();
        host.domains().reconcile();
        LOG.infof("%s: %s", host.key(), what);
    }

    private void cancelPowerOn(String key) {
        ScheduledFuture<?> pending = pendingPowerOn.remove(key);
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
