package org.xenplane.monitoring.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.xenplane.core.message.Messages;

/**
 * SR free space: an SR whose free space ({@code physical_size - physical_utilisation}) falls below
 * {@code alarms.sr-free-below} of its size raises one {@code SR_FREE_SPACE_LOW} message; it may raise
 * again once it has cleared. The same figures are exposed to Prometheus as
 * {@code xenplane_sr_physical_size_bytes} and {@code xenplane_sr_physical_utilisation_bytes}.
 * The sr table belongs to the storage service: read by SQL only. Without it, nothing is watched.
 */
@ApplicationScoped
public class SrSpaceAlarm {
    public static final String SR_FREE_SPACE_LOW = "SR_FREE_SPACE_LOW";

    private final EntityManager em;
    private final Messages messages;
    private final MonitoringConfig.Alarms config;
    private final MultiGauge size;
    private final MultiGauge utilisation;

    public SrSpaceAlarm(EntityManager em, Messages messages, MonitoringConfig config, MeterRegistry registry) {
        this.em = em;
        this.messages = messages;
        this.config = config.alarms();
        this.size = MultiGauge.builder("xenplane.sr.physical.size").baseUnit("bytes")
                .description("Size of each storage repository").register(registry);
        this.utilisation = MultiGauge.builder("xenplane.sr.physical.utilisation").baseUnit("bytes")
                .description("Space used on each storage repository").register(registry);
    }

    @Scheduled(every = "${xenplane.monitoring.alarms.sr-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (em.createNativeQuery("select to_regclass('sr') is not null").getSingleResult() != Boolean.TRUE) {
                return;
            }
            raiseNewlyLow();
            em.createNativeQuery("""
                    delete from alarm_state a where alarm = 'SR_FREE_SPACE_LOW' and not exists (
                      select 1 from sr where sr.id = a.object_id and sr.physical_size > 0
                        and sr.physical_size - sr.physical_utilisation < ?1 * sr.physical_size)
                    """).setParameter(1, config.srFreeBelow()).executeUpdate();
            expose();
        });
    }

    private void raiseNewlyLow() {
        @SuppressWarnings("unchecked")
        List<Object[]> low = em.createNativeQuery("""
                with raised as (
                  insert into alarm_state (object_id, alarm)
                  select id, 'SR_FREE_SPACE_LOW' from sr
                  where physical_size > 0 and physical_size - physical_utilisation < ?1 * physical_size
                  on conflict do nothing
                  returning object_id)
                select sr.id, sr.name, sr.physical_size, sr.physical_utilisation from sr join raised on raised.object_id = sr.id
                """).setParameter(1, config.srFreeBelow()).getResultList();
        for (Object[] row : low) {
            long total = ((Number) row[2]).longValue();
            long free = total - ((Number) row[3]).longValue();
            messages.post(SR_FREE_SPACE_LOW, config.priority(), "sr", (UUID) row[0], String.format(Locale.ROOT,
                    "SR %s has %d of %d bytes free (%.1f%%; threshold %.1f%%)", row[1], free, total,
                    100.0 * free / total, 100 * config.srFreeBelow()));
        }
    }

    private void expose() {
        @SuppressWarnings("unchecked")
        List<Object[]> srs = em.createNativeQuery("select id, name, physical_size, physical_utilisation from sr").getResultList();
        List<MultiGauge.Row<?>> sizes = new ArrayList<>();
        List<MultiGauge.Row<?>> used = new ArrayList<>();
        for (Object[] sr : srs) {
            Tags tags = Tags.of("sr_uuid", sr[0].toString(), "sr_name", (String) sr[1]);
            sizes.add(MultiGauge.Row.of(tags, ((Number) sr[2]).doubleValue()));
            used.add(MultiGauge.Row.of(tags, ((Number) sr[3]).doubleValue()));
        }
        size.register(sizes, true);
        utilisation.register(used, true);
    }
}
