package org.xenplane.daemon.driver;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * One line on standard error when a test starts and one when it ends, with its time, as they
 * happen: the JUnit console prints its tree at the end only, so a suite that hangs under slow
 * emulation (the real-Xen proof) would otherwise say nothing about where.
 */
public final class ProgressLog implements BeforeTestExecutionCallback, AfterTestExecutionCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ProgressLog.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NS).put("start", System.nanoTime());
        System.err.printf("[progress] %s START %s%n", Instant.now(), context.getDisplayName());
        System.err.flush();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        long start = context.getStore(NS).get("start", Long.class);
        Optional<Throwable> failure = context.getExecutionException();
        String outcome = failure.isEmpty() ? "END" : failure.get() instanceof TestAbortedException ? "SKIP" : "FAIL";
        System.err.printf("[progress] %s %s %s after %.1fs%s%n", Instant.now(), outcome,
                context.getDisplayName(), (System.nanoTime() - start) / 1e9,
                failure.map(ProgressLog::summary).orElse(""));
        System.err.flush();
    }

    /** The failure's class and the first lines of its message that say something (AssertJ's start with a newline). */
    private static String summary(Throwable t) {
        String message = String.valueOf(t.getMessage()).lines().map(String::strip).filter(l -> !l.isEmpty()).limit(4)
                .reduce((a, b) -> a + " | " + b).orElse("");
        return ": " + t.getClass().getSimpleName() + ": " + message;
    }
}
