package org.xenplane.daemon.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.daemon.driver.Statistics;
import org.xenplane.daemon.driver.stats.DiskCounters;
import org.xenplane.daemon.driver.stats.DomainCounters;
import org.xenplane.daemon.driver.stats.HostCounters;
import org.xenplane.daemon.driver.stats.NetCounters;
import org.xenplane.daemon.driver.stats.StatisticsReading;

/**
 * One host's sampler: every interval, reads the driver's counters and turns the difference from
 * the previous reading into XenServer's data sources (see {@code MetricsReport} for names and
 * units). Rates need two readings: the first sample of a host or of a new domain has only gauges.
 */
public final class MetricsSampler {
    private static final double NANOS = 1e9;

    private final Statistics driver;
    private StatisticsReading previous;
    private volatile Sample latest;

    public MetricsSampler(Statistics driver) {
        this.driver = driver;
    }

    /** A host's and its VMs' data sources at {@code time} (seconds since the epoch), with the counters read. */
    public record Sample(long time, Map<String, Double> host, List<VmSample> vms, StatisticsReading reading) {
    }

    /** One VM's data sources. */
    public record VmSample(UUID vmId, String name, Map<String, Double> values) {
    }

    /** The newest sample, or null before the first. */
    public Sample latest() {
        return latest;
    }

    public synchronized Sample sample(long time) {
        StatisticsReading now = driver.readStatistics();
        Map<UUID, DomainCounters> before = new HashMap<>();
        if (previous != null) {
            previous.domains().forEach(d -> before.put(d.vmId(), d));
        }
        Map<String, Double> host = host(now.host(), previous == null ? null : previous.host());
        List<VmSample> vms = new ArrayList<>();
        for (DomainCounters d : now.domains()) {
            DomainCounters was = before.get(d.vmId());
            vms.add(new VmSample(d.vmId(), d.name(), vm(d, was != null && was.domid() == d.domid() ? was : null)));
        }
        previous = now;
        latest = new Sample(time, host, List.copyOf(vms), now);
        return latest;
    }

    static Map<String, Double> host(HostCounters now, HostCounters was) {
        Map<String, Double> ds = new LinkedHashMap<>();
        double seconds = was == null ? 0 : (now.readAtNanos() - was.readAtNanos()) / NANOS;
        if (seconds > 0 && was.cpuBusyNanos().length == now.cpuBusyNanos().length && now.cpuBusyNanos().length > 0) {
            double sum = 0;
            for (int c = 0; c < now.cpuBusyNanos().length; c++) {
                double ratio = clamp((now.cpuBusyNanos()[c] - was.cpuBusyNanos()[c]) / NANOS / seconds);
                ds.put("cpu" + c, ratio);
                sum += ratio;
            }
            ds.put("cpu_avg", sum / now.cpuBusyNanos().length);
        }
        if (!Double.isNaN(now.loadAverage())) {
            ds.put("loadavg", now.loadAverage());
        }
        ds.put("memory_total_kib", now.memoryTotal() / 1024.0);
        ds.put("memory_free_kib", now.memoryFree() / 1024.0);
        if (seconds > 0) {
            now.pifs().forEach((dev, n) -> {
                NetCounters p = was.pifs().get(dev);
                if (p != null) {
                    ds.put("pif_" + dev + "_rx", rate(n.rxBytes(), p.rxBytes(), seconds));
                    ds.put("pif_" + dev + "_tx", rate(n.txBytes(), p.txBytes(), seconds));
                }
            });
        }
        return ds;
    }

    static Map<String, Double> vm(DomainCounters now, DomainCounters was) {
        Map<String, Double> ds = new LinkedHashMap<>();
        double seconds = was == null ? 0 : (now.readAtNanos() - was.readAtNanos()) / NANOS;
        if (seconds > 0 && was.vcpuTimeNanos().length == now.vcpuTimeNanos().length) {
            double sum = 0;
            for (int v = 0; v < now.vcpuTimeNanos().length; v++) {
                double ratio = clamp((now.vcpuTimeNanos()[v] - was.vcpuTimeNanos()[v]) / NANOS / seconds);
                ds.put("cpu" + v, ratio);
                sum += ratio;
            }
            ds.put("cpu_usage", sum / Math.max(1, now.vcpuTimeNanos().length));
        }
        ds.put("memory", (double) now.memoryActual());
        ds.put("memory_target", (double) now.memoryTarget());
        if (now.memoryInternalFree() >= 0) {
            ds.put("memory_internal_free", now.memoryInternalFree() / 1024.0);
        }
        if (seconds > 0) {
            for (int i = 0; i < now.vifs().size() && i < was.vifs().size(); i++) {
                ds.put("vif_" + i + "_rx", rate(now.vifs().get(i).rxBytes(), was.vifs().get(i).rxBytes(), seconds));
                ds.put("vif_" + i + "_tx", rate(now.vifs().get(i).txBytes(), was.vifs().get(i).txBytes(), seconds));
            }
            now.vbds().forEach((dev, d) -> {
                DiskCounters p = was.vbds().get(dev);
                if (p != null) {
                    ds.put("vbd_" + dev + "_read", rate(d.readBytes(), p.readBytes(), seconds));
                    ds.put("vbd_" + dev + "_write", rate(d.writeBytes(), p.writeBytes(), seconds));
                    ds.put("vbd_" + dev + "_iops_total", rate(d.readRequests() + d.writeRequests(),
                            p.readRequests() + p.writeRequests(), seconds));
                }
            });
        }
        return ds;
    }

    private static double rate(long now, long was, double seconds) {
        return now < was ? 0 : (now - was) / seconds;
    }

    private static double clamp(double ratio) {
        return Math.max(0, Math.min(1, ratio));
    }
}
