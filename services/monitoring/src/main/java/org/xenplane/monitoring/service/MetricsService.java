package org.xenplane.monitoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.daemon.protocol.MetricsReport;
import org.xenplane.monitoring.model.ArchiveLevel;
import org.xenplane.monitoring.model.Consolidation;
import org.xenplane.monitoring.model.Series;

/** Takes hosts' samples into the archives and answers queries over them. */
@ApplicationScoped
public class MetricsService {
    /** The longest range a query may span: the day archive's year and a day. */
    static final long MAX_RANGE = 366L * 86400;

    private final ArchiveStore store;
    private final Alarms alarms;

    public MetricsService(ArchiveStore store, Alarms alarms) {
        this.store = store;
        this.alarms = alarms;
    }

    public void ingest(MetricsReport report) {
        if (!report.host().isEmpty()) {
            alarms.evaluate(store.add(report.hostId(), "host", report.hostId(), report.time(), report.host()));
        }
        for (MetricsReport.VmMetrics vm : report.vms()) {
            alarms.evaluate(store.add(vm.vmId(), "vm", report.hostId(), report.time(), vm.values()));
        }
    }

    /** A query's validated parameters. {@code resolution} null: chosen from the range. */
    public record Query(List<String> dataSources, long start, long end, Integer resolution, Consolidation consolidation) {
    }

    public Series fetch(String objectClass, UUID id, Query q) {
        ArchiveStore.Held h = store.find(id).filter(x -> x.objectClass.equals(objectClass))
                .orElseThrow(() -> new XenplaneException(ErrorCode.HANDLE_INVALID, objectClass, id));
        ArchiveLevel level = level(q);
        synchronized (h) {
            List<String> ds = q.dataSources().isEmpty() ? List.copyOf(h.archive.dataSources()) : q.dataSources();
            for (String name : ds) {
                if (!h.archive.dataSources().contains(name)) {
                    throw new XenplaneException(ErrorCode.METRICS_DATA_SOURCE_UNKNOWN, objectClass + " " + id, name,
                            String.join(", ", new TreeSet<>(h.archive.dataSources())));
                }
            }
            return h.archive.fetch(ds, q.start(), q.end(), level, q.consolidation());
        }
    }

    /**
     * Every data source of the host and of each VM whose newest sample came from it, since
     * {@code start} (XenServer's {@code rrd_updates}); columns are named
     * {@code <CF>:<class>:<uuid>:<data source>}.
     */
    public Updates updates(UUID hostId, Query q) {
        ArchiveStore.Held host = store.find(hostId).filter(x -> "host".equals(x.objectClass))
                .orElseThrow(() -> new XenplaneException(ErrorCode.HANDLE_INVALID, "host", hostId));
        ArchiveLevel level = level(q);
        List<ArchiveStore.Held> objects = new ArrayList<>();
        objects.add(host);
        objects.addAll(store.vmsOf(hostId));
        Map<String, Series> series = new LinkedHashMap<>();
        TreeSet<Long> union = new TreeSet<>();
        for (ArchiveStore.Held h : objects) {
            synchronized (h) {
                Series one = h.archive.fetch(List.copyOf(h.archive.dataSources()), q.start(), q.end(), level, q.consolidation());
                series.put(h.objectClass + ":" + h.id, one);
                for (long t : one.times()) {
                    union.add(t);
                }
            }
        }
        long[] times = union.stream().mapToLong(Long::longValue).toArray();
        Map<String, double[]> columns = new LinkedHashMap<>();
        series.forEach((object, one) -> one.values().forEach((ds, v) -> {
            double[] column = new double[times.length];
            java.util.Arrays.fill(column, Double.NaN);
            for (int i = 0; i < one.times().length; i++) {
                column[java.util.Arrays.binarySearch(times, one.times()[i])] = v[i];
            }
            columns.put(q.consolidation() + ":" + object + ":" + ds, column);
        }));
        return new Updates(level.step(), q.consolidation(), times, columns);
    }

    /** The result of {@link #updates}. */
    public record Updates(int step, Consolidation consolidation, long[] times, Map<String, double[]> columns) {
    }

    private ArchiveLevel level(Query q) {
        if (q.end() <= q.start() || q.end() - q.start() > MAX_RANGE) {
            throw new XenplaneException(ErrorCode.METRICS_TIME_RANGE_INVALID, q.start(), q.end());
        }
        if (q.resolution() == null) {
            return store.layout().levelFor(q.end() - q.start());
        }
        return store.layout().levels().stream().filter(l -> l.step() == q.resolution()).findFirst()
                .orElseThrow(() -> new XenplaneException(ErrorCode.METRICS_RESOLUTION_INVALID, q.resolution(),
                        store.layout().levels().stream().map(l -> String.valueOf(l.step())).toList().toString()));
    }
}
