package org.xenplane.cli.resource;

import java.util.concurrent.Callable;
import org.xenplane.cli.Xenplane;
import picocli.CommandLine.Command;

/** {@code xenplane <kind> list}: every object of the kind, as a table or in the {@code -o} format. */
@Command(mixinStandardHelpOptions = true, description = "List the objects.")
public final class ListCommand implements Callable<Integer> {
    private final Xenplane cli;
    private final ResourceKind kind;

    public ListCommand(Xenplane cli, ResourceKind kind) {
        this.cli = cli;
        this.kind = kind;
    }

    @Override
    public Integer call() {
        cli.printer().list(kind, cli.resolver(cli.api()).list(kind));
        return 0;
    }
}
