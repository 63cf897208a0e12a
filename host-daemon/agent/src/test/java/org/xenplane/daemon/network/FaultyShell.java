package org.xenplane.daemon.network;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

/** A real shell in a test namespace that can be told to fail the next matching command, as a tool would. */
final class FaultyShell extends Shell {
    private volatile Predicate<String> failNext;

    FaultyShell(String namespace) {
        super(namespace, namespace, Duration.ofSeconds(20));
    }

    /** The next command whose text matches fails with exit code 2 instead of running. */
    void failNext(Predicate<String> command) {
        this.failNext = command;
    }

    @Override
    public Result run(String... command) {
        Predicate<String> armed = failNext;
        String text = String.join(" ", Arrays.asList(command));
        if (armed != null && armed.test(text)) {
            failNext = null;
            return new Result(2, "", "injected failure");
        }
        return super.run(command);
    }
}
