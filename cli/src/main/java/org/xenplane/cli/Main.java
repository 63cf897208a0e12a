package org.xenplane.cli;

import java.io.UncheckedIOException;
import picocli.CommandLine;

/** The {@code xenplane} command: builds the command tree, runs it, and turns every failure into a line and an exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Environment.system(), args));
    }

    public static int run(Environment environment, String... args) {
        CommandLine line = CommandTree.build(environment);
        line.setOut(new java.io.PrintWriter(environment.out(), true));
        line.setErr(new java.io.PrintWriter(environment.err(), true));
        line.setExecutionExceptionHandler((failure, command, parsed) -> report(environment, failure));
        return line.execute(args);
    }

    private static int report(Environment environment, Exception failure) {
        if (failure instanceof CliException e) {
            environment.err().println(e.describe());
            return e.exit().code;
        }
        if (failure instanceof UncheckedIOException e) {
            environment.err().println("error: IO_ERROR: " + e.getMessage());
            return ExitCode.SERVER.code;
        }
        environment.err().println("error: INTERNAL_ERROR: " + failure);
        return ExitCode.SERVER.code;
    }
}
