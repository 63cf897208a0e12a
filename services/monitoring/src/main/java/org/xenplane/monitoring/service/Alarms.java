package org.xenplane.monitoring.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.xenplane.core.message.Messages;
import org.xenplane.monitoring.model.AlarmThresholds;
import org.xenplane.monitoring.model.ArchiveLayout;
import org.xenplane.monitoring.model.Consolidation;
import org.xenplane.monitoring.model.Series;

/**
 * Thresholds on hosts and VMs raise messages (XenAPI {@code message}), once per condition: when it
 * starts, not at every sample; it may raise again after it has cleared. The same conditions are
 * Prometheus alert rules in {@code charts/xenplane/files/prometheus-rules.yaml} (group xenplane-alarms).
 *
 * <ul>
 *   <li>{@code CPU_USAGE_HIGH}: VM {@code cpu_usage} / host {@code cpu_avg} averages above the threshold over the window;</li>
 *   <li>{@code MEMORY_FREE_LOW}: VM {@code memory_internal_free} / host {@code memory_free_kib} averages below it;</li>
 *   <li>{@code HOST_NOT_LIVE}: a host's heartbeats stopped (the pool service marks it not live).</li>
 * </ul>
 * Each host's and VM's thresholds are its own where set ({@link AlarmConfigs}), else the pool's.
 * SR free space is watched by {@link SrSpaceAlarm}.
 */
@ApplicationScoped
public class Alarms {
    public static final String CPU_USAGE_HIGH = "CPU_USAGE_HIGH";
    public static final String MEMORY_FREE_LOW = "MEMORY_FREE_LOW";
    public static final String HOST_NOT_LIVE = "HOST_NOT_LIVE";

    private final EntityManager em;
    private final Messages messages;
    private final MonitoringConfig.Alarms config;
    private final AlarmConfigs thresholds;
    private final Map<String, Boolean> raised = new ConcurrentHashMap<>();

    public Alarms(EntityManager em, Messages messages, MonitoringConfig config, AlarmConfigs thresholds) {
        this.em = em;
        this.messages = messages;
        this.config = config.alarms();
        this.thresholds = thresholds;
    }

    /** Checks an object's thresholds after a sample. */
    public void evaluate(ArchiveStore.Held h) {
        boolean vm = "vm".equals(h.objectClass);
        String cpu = vm ? "cpu_usage" : "cpu_avg";
        String free = vm ? "memory_internal_free" : "memory_free_kib";
        Double cpuAverage;
        Double freeAverage;
        synchronized (h) {
            cpuAverage = windowAverage(h, cpu);
            freeAverage = windowAverage(h, free);
        }
        AlarmThresholds limits = thresholds.thresholds(h.id);
        if (cpuAverage != null) {
            set(h, CPU_USAGE_HIGH, cpuAverage > limits.cpuUsageAbove(), String.format(
                    "%s averaged %.3f over %d s (threshold %.3f)", cpu, cpuAverage, config.window().toSeconds(), limits.cpuUsageAbove()));
        }
        if (freeAverage != null) {
            double bytes = freeAverage * 1024;
            set(h, MEMORY_FREE_LOW, bytes < limits.memoryFreeBelow(), String.format(
                    "%s averaged %.0f bytes over %d s (threshold %d bytes)", free, bytes, config.window().toSeconds(), limits.memoryFreeBelow()));
        }
    }

    /** The window's average when every point of it is known, else null (too early to tell). */
    private Double windowAverage(ArchiveStore.Held h, String ds) {
        if (!h.archive.dataSources().contains(ds)) {
            return null;
        }
        long last = h.archive.lastPoint();
        long window = Math.max(ArchiveLayout.BASE_STEP, config.window().toSeconds());
        Series s = h.archive.fetch(List.of(ds), last - window, last, h.archive.layout().level(ArchiveLayout.BASE_STEP),
                Consolidation.AVERAGE);
        double[] v = s.values().get(ds);
        if (v.length < window / ArchiveLayout.BASE_STEP) {
            return null;
        }
        double sum = 0;
        for (double x : v) {
            if (Double.isNaN(x)) {
                return null;
            }
            sum += x;
        }
        return sum / v.length;
    }

    private void set(ArchiveStore.Held h, String alarm, boolean on, String body) {
        String key = h.id + "/" + alarm;
        Boolean was = raised.computeIfAbsent(key, k -> isRaised(h.id, alarm));
        if (was == on) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (on) {
                int inserted = em.createNativeQuery("insert into alarm_state (object_id, alarm) values (?1, ?2) on conflict do nothing")
                        .setParameter(1, h.id).setParameter(2, alarm).executeUpdate();
                if (inserted == 1) {
                    messages.post(alarm, config.priority(), h.objectClass, h.id, body);
                }
            } else {
                em.createNativeQuery("delete from alarm_state where object_id = ?1 and alarm = ?2")
                        .setParameter(1, h.id).setParameter(2, alarm).executeUpdate();
            }
        });
        raised.put(key, on);
    }

    private boolean isRaised(UUID id, String alarm) {
        return QuarkusTransaction.joiningExisting().call(() -> !em.createNativeQuery(
                        "select 1 from alarm_state where object_id = ?1 and alarm = ?2")
                .setParameter(1, id).setParameter(2, alarm).getResultList().isEmpty());
    }

    /** Hosts whose heartbeats stopped get one HOST_NOT_LIVE message; a live host clears it. */
    @Scheduled(every = "${xenplane.monitoring.alarms.host-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkHosts() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (em.createNativeQuery("select to_regclass('host') is not null").getSingleResult() != Boolean.TRUE) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> down = em.createNativeQuery("""
                    insert into alarm_state (object_id, alarm)
                    select id, 'HOST_NOT_LIVE' from host where not live
                    on conflict do nothing
                    returning object_id, (select name from host where id = object_id)
                    """).getResultList();
            for (Object[] row : down) {
                messages.post(HOST_NOT_LIVE, 1, "host", (UUID) row[0], "Host " + row[1] + " sends no heartbeats: it is not live");
            }
            em.createNativeQuery("delete from alarm_state a where alarm = 'HOST_NOT_LIVE'"
                    + " and exists (select 1 from host h where h.id = a.object_id and h.live)").executeUpdate();
        });
    }
}
