package org.xenplane.monitoring.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;
import org.xenplane.core.event.EventOperation;
import org.xenplane.core.event.EventPublisher;
import org.xenplane.monitoring.model.AlarmThresholds;

/**
 * Per-object alarm thresholds ({@code alarm_config}) over the pool defaults. The alarms read them
 * from memory on every sample; every replica reloads them each {@code alarms.config-refresh-interval},
 * and a change made here applies here at once. A change is an {@code alarm_config} event.
 */
@ApplicationScoped
public class AlarmConfigs {
    public static final String CLASS = "alarm_config";
    static final double CPU_MIN_EXCLUSIVE = 0;
    static final double CPU_MAX = 1;
    static final long MEMORY_MAX = 1L << 50;

    /** The thresholds set on one object; null: the pool default. */
    public record Overrides(Double cpuUsageAbove, Long memoryFreeBelow) {
        public static final Overrides NONE = new Overrides(null, null);

        boolean none() {
            return cpuUsageAbove == null && memoryFreeBelow == null;
        }
    }

    /** What a client sees: the thresholds in force and which of them the object sets itself. */
    public record Effective(String objectClass, UUID objectId, AlarmThresholds thresholds, Overrides overrides) {
    }

    private final EntityManager em;
    private final EventPublisher events;
    private final MonitoredObjects objects;
    private final AlarmThresholds defaults;
    private volatile Map<UUID, Overrides> overrides = new ConcurrentHashMap<>();

    public AlarmConfigs(EntityManager em, EventPublisher events, MonitoredObjects objects, MonitoringConfig config) {
        this.em = em;
        this.events = events;
        this.objects = objects;
        this.defaults = new AlarmThresholds(config.alarms().cpuUsageAbove(), config.alarms().memoryFreeBelow());
    }

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    /** The thresholds in force for this object now (from memory). */
    public AlarmThresholds thresholds(UUID objectId) {
        Overrides o = overrides.get(objectId);
        return o == null ? defaults : defaults.with(o.cpuUsageAbove(), o.memoryFreeBelow());
    }

    public Effective get(String objectClass, UUID objectId) {
        objects.require(objectClass, objectId);
        Overrides o = QuarkusTransaction.joiningExisting().call(() -> load(objectId));
        return new Effective(objectClass, objectId, defaults.with(o.cpuUsageAbove(), o.memoryFreeBelow()), o);
    }

    /**
     * Replaces the object's thresholds (a null one: the pool default).
     *
     * @throws XenplaneException {@code ALARM_THRESHOLD_INVALID} out of range, {@code HANDLE_INVALID} no such object
     */
    @Transactional
    public Effective set(String objectClass, UUID objectId, Overrides wanted) {
        validate(wanted);
        objects.require(objectClass, objectId);
        if (wanted.none()) {
            em.createNativeQuery("delete from alarm_config where object_id = ?1").setParameter(1, objectId).executeUpdate();
        } else {
            em.createNativeQuery("""
                    insert into alarm_config (object_id, object_class, cpu_usage_above, memory_free_below)
                    values (?1, ?2, ?3, ?4)
                    on conflict (object_id) do update set cpu_usage_above = excluded.cpu_usage_above,
                        memory_free_below = excluded.memory_free_below, updated_at = now()
                    """).setParameter(1, objectId).setParameter(2, objectClass)
                    .setParameter(3, wanted.cpuUsageAbove()).setParameter(4, wanted.memoryFreeBelow()).executeUpdate();
        }
        Effective effective = new Effective(objectClass, objectId,
                defaults.with(wanted.cpuUsageAbove(), wanted.memoryFreeBelow()), wanted);
        events.publish(CLASS, EventOperation.MOD, objectId, () -> effective);
        remember(objectId, wanted);
        return effective;
    }

    /** Reloads every object's thresholds (other replicas' changes); drops those of deleted objects. */
    @Scheduled(every = "${xenplane.monitoring.alarms.config-refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reload() {
        Map<UUID, Overrides> loaded = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : new String[] {"vm", "host"}) {
                if (em.createNativeQuery("select to_regclass('" + table + "') is not null").getSingleResult() == Boolean.TRUE) {
                    em.createNativeQuery("delete from alarm_config a where object_class = '" + table
                            + "' and not exists (select 1 from " + table + " o where o.id = a.object_id)").executeUpdate();
                }
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select object_id, cpu_usage_above, memory_free_below from alarm_config")
                    .getResultList();
            for (Object[] row : rows) {
                loaded.put((UUID) row[0], new Overrides(row[1] == null ? null : ((Number) row[1]).doubleValue(),
                        row[2] == null ? null : ((Number) row[2]).longValue()));
            }
        });
        overrides = new ConcurrentHashMap<>(loaded);
    }

    private Overrides load(UUID objectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select cpu_usage_above, memory_free_below from alarm_config where object_id = ?1")
                .setParameter(1, objectId).getResultList();
        if (rows.isEmpty()) {
            return Overrides.NONE;
        }
        Object[] row = rows.get(0);
        return new Overrides(row[0] == null ? null : ((Number) row[0]).doubleValue(), row[1] == null ? null : ((Number) row[1]).longValue());
    }

    private void remember(UUID objectId, Overrides wanted) {
        if (wanted.none()) {
            overrides.remove(objectId);
        } else {
            overrides.put(objectId, wanted);
        }
    }

    private static void validate(Overrides o) {
        Double cpu = o.cpuUsageAbove();
        if (cpu != null && (cpu.isNaN() || cpu <= CPU_MIN_EXCLUSIVE || cpu > CPU_MAX)) {
            throw new XenplaneException(ErrorCode.ALARM_THRESHOLD_INVALID, "cpuUsageAbove", cpu, "a ratio in (0, 1]");
        }
        Long memory = o.memoryFreeBelow();
        if (memory != null && (memory < 0 || memory > MEMORY_MAX)) {
            throw new XenplaneException(ErrorCode.ALARM_THRESHOLD_INVALID, "memoryFreeBelow", memory, "bytes in [0, 2^50]");
        }
    }
}
