package org.xenplane.monitoring.service;

import static org.xenplane.core.error.ErrorCode.METRICS_DATA_SOURCE_UNKNOWN;
import static org.xenplane.core.error.ErrorCode.METRICS_RESOLUTION_INVALID;
import static org.xenplane.core.error.ErrorCode.METRICS_TIME_RANGE_INVALID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/** The operations on metrics, declared once (XenAPI's {@code rrd_updates} and RRD fetches over HTTP). */
public enum MonitoringOperation implements DeclaredOperation {
    READ(OperationSpec.reads("metrics.read", Role.READ_ONLY)
            .raises(METRICS_DATA_SOURCE_UNKNOWN, METRICS_TIME_RANGE_INVALID, METRICS_RESOLUTION_INVALID)),
    /** A host daemon's 5-second sample of its host and VMs. */
    REPORT(OperationSpec.byHost("metrics.report"));

    private final OperationSpec spec;

    MonitoringOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet monitoringOperations() {
            return OperationSet.of(values());
        }
    }
}
