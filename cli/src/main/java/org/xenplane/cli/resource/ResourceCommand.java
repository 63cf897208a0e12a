package org.xenplane.cli.resource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The command of one kind of object ({@code xenplane vm ...}): only a group of its subcommands. */
@Command(mixinStandardHelpOptions = true)
public final class ResourceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand; '" + spec.qualifiedName() + " --help' lists them");
    }
}
