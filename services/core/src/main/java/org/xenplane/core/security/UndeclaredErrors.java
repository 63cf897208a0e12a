package org.xenplane.core.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.xenplane.core.error.ErrorCode;

/**
 * Notices an operation answering, or its task failing with, a code it does not declare (neither in
 * its {@link DeclaredOperation#errors()} nor among the {@link CommonErrors}): the declaration, and so
 * the OpenAPI document and every surface derived from it, is wrong. Such an answer is still sent as
 * it is; it is logged and counted in {@code xenplane_undeclared_errors_total{operation,code}}, which
 * the tests read (DeclaredErrorsTest) and an operator may alert on.
 */
@ApplicationScoped
public class UndeclaredErrors {
    static final String METRIC = "xenplane.undeclared.errors";
    private static final Logger LOG = Logger.getLogger(UndeclaredErrors.class);

    private final MeterRegistry registry;

    public UndeclaredErrors(MeterRegistry registry) {
        this.registry = registry;
    }

    /** True when {@code op} declares {@code code} or may answer it undeclared. */
    public static boolean declares(DeclaredOperation op, ErrorCode code) {
        return op.errors().contains(code) || CommonErrors.of(op).contains(code);
    }

    /** Records {@code code} answered by {@code op} if it does not declare it. */
    public void answered(DeclaredOperation op, ErrorCode code) {
        if (declares(op, code)) {
            return;
        }
        LOG.warnf("Operation %s answered %s, which it does not declare: its declaration needs the code", op.id(), code);
        Counter.builder(METRIC).description("Errors answered by an operation that does not declare them")
                .tag("operation", op.id()).tag("code", code.name()).register(registry).increment();
    }
}
