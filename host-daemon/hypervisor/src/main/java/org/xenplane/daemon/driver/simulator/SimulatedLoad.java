package org.xenplane.daemon.driver.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.xenplane.daemon.driver.stats.DiskCounters;
import org.xenplane.daemon.driver.stats.DomainCounters;
import org.xenplane.daemon.driver.stats.HostCounters;
import org.xenplane.daemon.driver.stats.NetCounters;
import org.xenplane.daemon.driver.stats.StatisticsReading;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainState;

/**
 * Plausible load for simulated guests, deterministic for a seed: the n-th reading of a domain's
 * utilisation depends only on the seed, the VM's uuid and n (never on timing). Counters advance by
 * utilisation times the real time elapsed, so the rates a sampler derives are those utilisations.
 * A paused domain uses no CPU and does no I/O; a halted one has no domain and no counters.
 */
public final class SimulatedLoad {
    private static final double DOM0_BUSY = 0.02;

    private final long seed;
    private final LongSupplier clock;
    private final Map<UUID, GuestLoad> guests = new HashMap<>();
    private long[] hostBusy = new long[0];
    private long lastRead = Long.MIN_VALUE;
    private double load;
    private NetCounters pif = new NetCounters(0, 0);

    public SimulatedLoad(long seed, LongSupplier clock) {
        this.seed = seed;
        this.clock = clock;
    }

    /** Advances every counter to now and reads them. The caller holds the host's lock. */
    StatisticsReading read(Collection<SimulatedDomain> domains, int cpus, long memoryTotal, long memoryFree) {
        long now = clock.getAsLong();
        long elapsed = lastRead == Long.MIN_VALUE ? 0 : Math.max(0, now - lastRead);
        lastRead = now;
        if (hostBusy.length != cpus) {
            hostBusy = new long[cpus];
        }
        Map<UUID, GuestLoad> alive = new LinkedHashMap<>();
        List<DomainCounters> read = new ArrayList<>();
        double guestBusy = 0;
        long rx = 0;
        long tx = 0;
        for (SimulatedDomain d : domains) {
            GuestLoad g = guests.get(d.spec.vmId());
            if (g == null || g.domid != d.domid) {
                g = new GuestLoad(seed, d);
            }
            alive.put(d.spec.vmId(), g);
            guestBusy += g.advance(d, elapsed);
            read.add(g.counters(now, d));
            for (NetCounters n : g.vifs) {
                rx += n.rxBytes();
                tx += n.txBytes();
            }
        }
        guests.keySet().retainAll(alive.keySet());
        guests.putAll(alive);
        double perCpu = Math.min(1.0, DOM0_BUSY + guestBusy / cpus);
        for (int c = 0; c < cpus; c++) {
            hostBusy[c] += (long) (perCpu * elapsed);
        }
        load = guestBusy + DOM0_BUSY * cpus;
        pif = new NetCounters(Math.max(pif.rxBytes(), tx), Math.max(pif.txBytes(), rx));
        HostCounters host = new HostCounters(now, hostBusy.clone(), memoryTotal, memoryFree, load, Map.of("eth0", pif));
        return new StatisticsReading(host, read);
    }

    /** One guest's load: a base utilisation, a slow wave and noise; I/O follows CPU. */
    private static final class GuestLoad {
        final int domid;
        final Random random;
        final double base;
        final long[] vcpuTime;
        final List<NetCounters> vifs = new ArrayList<>();
        final Map<String, DiskCounters> vbds = new LinkedHashMap<>();
        long reading;
        double lastUtil;

        GuestLoad(long seed, SimulatedDomain d) {
            this.domid = d.domid;
            this.random = new Random(seed ^ d.spec.vmId().getMostSignificantBits() ^ d.spec.vmId().getLeastSignificantBits());
            this.base = 0.05 + 0.5 * random.nextDouble();
            this.vcpuTime = new long[d.spec.vcpusMax()];
            followDevices(d);
        }

        /** Counters for the devices plugged now: a hot-plugged device starts at zero, an unplugged one goes. */
        private void followDevices(SimulatedDomain d) {
            for (String vdev : d.disks.keySet()) {
                vbds.putIfAbsent(vdev, new DiskCounters(0, 0, 0, 0));
            }
            vbds.keySet().retainAll(d.disks.keySet());
            while (vifs.size() < d.nics.size()) {
                vifs.add(new NetCounters(0, 0));
            }
            while (vifs.size() > d.nics.size()) {
                vifs.remove(vifs.size() - 1);
            }
        }

        /** Advances the counters over {@code elapsed} ns; returns the CPUs' worth of busy time used. */
        double advance(SimulatedDomain d, long elapsed) {
            followDevices(d);
            double wave = 0.15 * Math.sin(reading / 12.0);
            double noise = 0.1 * (random.nextDouble() - 0.5);
            reading++;
            double util = d.state == DomainState.RUNNING ? Math.max(0, Math.min(1, base + wave + noise)) : 0;
            lastUtil = util;
            double used = 0;
            for (int v = 0; v < vcpuTime.length; v++) {
                double u = v < d.vcpusOnline ? util : 0;
                vcpuTime[v] += (long) (u * elapsed);
                used += u;
            }
            double seconds = elapsed / 1e9;
            for (int i = 0; i < vifs.size(); i++) {
                NetCounters n = vifs.get(i);
                vifs.set(i, new NetCounters(n.rxBytes() + (long) (util * 2_000_000 * seconds),
                        n.txBytes() + (long) (util * 500_000 * seconds)));
            }
            vbds.replaceAll((dev, c) -> new DiskCounters(c.readBytes() + (long) (util * 4_000_000 * seconds),
                    c.writeBytes() + (long) (util * 1_000_000 * seconds),
                    c.readRequests() + (long) (util * 200 * seconds), c.writeRequests() + (long) (util * 50 * seconds)));
            return used;
        }

        DomainCounters counters(long now, SimulatedDomain d) {
            long internalFree = (long) (d.memoryActual * (0.6 - 0.4 * lastUtil));
            return new DomainCounters(now, d.spec.vmId(), d.spec.name(), d.domid, d.state, vcpuTime.clone(),
                    d.memoryActual, d.spec.memoryTarget(), internalFree, vifs, vbds);
        }
    }
}
