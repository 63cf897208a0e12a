package org.xenplane.monitoring.service;

import static org.xenplane.core.error.ErrorCode.ALARM_THRESHOLD_INVALID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/**
 * The operations on per-object alarm thresholds, declared once. XenServer keeps these thresholds in
 * {@code other_config:perfmon}; the least roles are those that may write a host's other_config
 * (pool-operator) and a VM's (vm-admin).
 */
public enum AlarmConfigOperation implements DeclaredOperation {
    READ(OperationSpec.reads("alarm_config.read", Role.READ_ONLY)),
    SET_HOST(OperationSpec.changes("alarm_config.set_host", Role.POOL_OPERATOR)
            .raises(ALARM_THRESHOLD_INVALID)),
    SET_VM(OperationSpec.changes("alarm_config.set_vm", Role.VM_ADMIN).raises(ALARM_THRESHOLD_INVALID));

    private final OperationSpec spec;

    AlarmConfigOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    /** The operation that changes the thresholds of objects of this class ({@code host} or {@code vm}). */
    public static AlarmConfigOperation setFor(String objectClass) {
        return "host".equals(objectClass) ? SET_HOST : SET_VM;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet alarmConfigOperations() {
            return OperationSet.of(values());
        }
    }
}
