package org.xenplane.cli.resource;

import java.util.concurrent.Callable;
import org.xenplane.cli.Xenplane;
import org.xenplane.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xenplane <kind> delete NAME|ID}: destroys the object, waiting for its task when it is a long one. */
@Command(mixinStandardHelpOptions = true, description = "Delete one object by name or id.")
public final class DeleteCommand implements Callable<Integer> {
    private final Xenplane cli;
    private final ResourceKind kind;

    @Parameters(paramLabel = "NAME|ID", description = "the object's name or id")
    String reference;

    @Option(names = "--async", description = "print the task's id instead of waiting for it")
    boolean async;

    public DeleteCommand(Xenplane cli, ResourceKind kind) {
        this.cli = cli;
        this.kind = kind;
    }

    @Override
    public Integer call() {
        ApiClient api = cli.api();
        String id = cli.resolver(api).id(kind, reference);
        Outcome.finish(cli, api, api.delete(kind.path + "/" + id), async, kind.command + " " + reference + " deleted");
        return 0;
    }
}
