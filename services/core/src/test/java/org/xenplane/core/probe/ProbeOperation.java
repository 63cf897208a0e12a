package org.xenplane.core.probe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.xenplane.core.security.DeclaredOperation;
import org.xenplane.core.security.OperationCatalog.OperationSet;
import org.xenplane.core.security.OperationSpec;
import org.xenplane.core.security.Role;

/** Test-only operations that exercise the task and event machinery of core. */
public enum ProbeOperation implements DeclaredOperation {
    RUN(OperationSpec.changes("probe.run", Role.VM_OPERATOR)),
    OTHER(OperationSpec.changes("probe.other", Role.VM_OPERATOR)),
    TOUCH(OperationSpec.changes("probe.touch", Role.VM_OPERATOR)),
    RELEASE(OperationSpec.changes("probe.release", Role.VM_OPERATOR)),
    ADMIT(OperationSpec.changes("probe.admit", Role.VM_OPERATOR)),
    ECHO(OperationSpec.changes("probe.echo", Role.VM_OPERATOR));

    private final OperationSpec spec;

    ProbeOperation(OperationSpec spec) {
        this.spec = spec;
    }

    @Override
    public OperationSpec spec() {
        return spec;
    }

    @ApplicationScoped
    static class Declarations {
        @Produces
        OperationSet probeOperations() {
            return OperationSet.of(values());
        }
    }
}
