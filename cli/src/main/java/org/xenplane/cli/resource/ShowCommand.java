package org.xenplane.cli.resource;

import java.util.concurrent.Callable;
import org.xenplane.cli.Xenplane;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code xenplane <kind> show NAME|ID}: one object, every field. */
@Command(mixinStandardHelpOptions = true, description = "Show one object by name or id.")
public final class ShowCommand implements Callable<Integer> {
    private final Xenplane cli;
    private final ResourceKind kind;

    @Parameters(paramLabel = "NAME|ID", description = "the object's name or id")
    String reference;

    public ShowCommand(Xenplane cli, ResourceKind kind) {
        this.cli = cli;
        this.kind = kind;
    }

    @Override
    public Integer call() {
        cli.printer().one(kind, cli.resolver(cli.api()).find(kind, reference));
        return 0;
    }
}
