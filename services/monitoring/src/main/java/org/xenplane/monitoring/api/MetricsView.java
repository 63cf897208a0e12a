package org.xenplane.monitoring.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.monitoring.model.Series;
import org.xenplane.monitoring.service.MetricsService;

/**
 * Rows of an object's archive: {@code times[i]} (seconds since the epoch, the end of row i's
 * interval) and, per data source, {@code values[ds][i]} (null when unknown).
 */
public record MetricsView(String objectClass, UUID objectId, long start, long end, int resolution, String consolidation,
                          List<Long> times, Map<String, List<Double>> values) {

    public static MetricsView of(String objectClass, UUID id, MetricsService.Query q, Series s) {
        return new MetricsView(objectClass, id, q.start(), q.end(), s.step(), s.consolidation().name(), times(s.times()),
                columns(s.values()));
    }

    /** XenServer's {@code rrd_updates}: one column per {@code <CF>:<class>:<uuid>:<data source>}. */
    public record UpdatesView(long start, long end, int resolution, String consolidation, List<String> legend,
                              List<Long> times, Map<String, List<Double>> values) {
        public static UpdatesView of(MetricsService.Query q, MetricsService.Updates u) {
            return new UpdatesView(q.start(), q.end(), u.step(), u.consolidation().name(), List.copyOf(u.columns().keySet()),
                    MetricsView.times(u.times()), columns(u.columns()));
        }
    }

    public static List<Long> times(long[] times) {
        List<Long> list = new ArrayList<>(times.length);
        for (long t : times) {
            list.add(t);
        }
        return list;
    }

    public static Map<String, List<Double>> columns(Map<String, double[]> values) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        values.forEach((ds, v) -> {
            List<Double> column = new ArrayList<>(v.length);
            for (double x : v) {
                column.add(Double.isNaN(x) ? null : x);
            }
            out.put(ds, column);
        });
        return out;
    }
}
