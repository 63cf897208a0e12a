package org.xenplane.cli.resource;

import java.util.concurrent.Callable;
import org.xenplane.cli.Xenplane;
import org.xenplane.cli.http.ApiClient;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * An operation that takes nothing but its object ({@code vm suspend web-1}, {@code host disable h1}):
 * {@code POST <collection>/<id>/<action>}, waiting for a long operation's task unless {@code --async}.
 */
@picocli.CommandLine.Command(mixinStandardHelpOptions = true)
public final class ActionCommand implements Callable<Integer> {
    private final Xenplane cli;
    private final ResourceKind kind;
    private final String action;
    private final String done;

    @Parameters(paramLabel = "NAME|ID", description = "the object's name or id")
    String reference;

    @Option(names = "--async", description = "print the task's id instead of waiting for it")
    boolean async;

    public ActionCommand(Xenplane cli, ResourceKind kind, String action, String done) {
        this.cli = cli;
        this.kind = kind;
        this.action = action;
        this.done = done;
    }

    @Override
    public Integer call() {
        ApiClient api = cli.api();
        String id = cli.resolver(api).id(kind, reference);
        Outcome.finish(cli, api, api.post(kind.path + "/" + id + "/" + action, null), async,
                kind.command + " " + reference + " " + done);
        return 0;
    }
}
