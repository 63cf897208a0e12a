package org.xenplane.core.ha;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The HA seams of a process that lacks their owner. Without the ha library (the pool service on its
 * own) heartbeats are acknowledged with HA disabled and no failover plan is kept; without the VM
 * library (the ha service on its own) there are no VMs to fail over, said once in the log. Where the owner is in the process (the
 * all-in-one server), its bean replaces these defaults. See docs/ha.md, "Split deployment".
 */
@ApplicationScoped
public class HaSeamDefaults {
    private static final Logger LOG = Logger.getLogger(HaSeamDefaults.class);

    @Produces
    @DefaultBean
    @ApplicationScoped
    HaTerms haTerms() {
        return () -> HaTerms.Terms.DISABLED;
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    HaPlanPolicy haPlanPolicy() {
        return java.util.OptionalInt::empty;
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    FailoverPlans failoverPlans() {
        return new FailoverPlans() {
            @Override
            public int planExistsFor(int upTo) {
                return upTo;
            }

            @Override
            public void assertHostMayStopTakingVms(UUID hostId) {
                // no VMs known here: nothing to restart, nothing to break
            }
        };
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    HaVms haVms() {
        LOG.warn("no VM service in this process: HA declares hosts dead but restarts no VM here");
        return new HaVms() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public List<HaVm> residentOn(UUID hostId) {
                return List.of();
            }

            @Override
            public List<HaVm> find(Collection<UUID> vmIds) {
                return List.of();
            }

            @Override
            public void resetPowerState(UUID vmId, UUID hostId, String caller) {
                throw new IllegalStateException("no VM service in this process");
            }

            @Override
            public UUID start(UUID vmId, String caller, String idempotencyKey) {
                throw new IllegalStateException("no VM service in this process");
            }
        };
    }
}
