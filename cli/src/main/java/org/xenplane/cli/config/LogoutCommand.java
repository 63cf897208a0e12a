package org.xenplane.cli.config;

import java.util.concurrent.Callable;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;
import org.xenplane.cli.Xenplane;
import org.xenplane.cli.http.ApiClient;
import picocli.CommandLine.Command;

/** {@code xenplane logout}: ends the context's session on the server (an API token stays valid) and forgets the context. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Log out and forget the context.")
public final class LogoutCommand implements Callable<Integer> {
    private final Xenplane cli;

    public LogoutCommand(Xenplane cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        ConfigFile config = cli.config();
        ConfigFile.Contexts contexts = config.read();
        String name = cli.contextName() != null ? cli.contextName() : contexts.current();
        Context context = name == null ? null : contexts.contexts().get(name);
        if (context == null) {
            throw new CliException(ExitCode.USAGE, "NOT_LOGGED_IN", "no context to log out of");
        }
        if (context.kind() == Context.CredentialKind.SESSION) {
            try {
                new ApiClient(context.url(), context.token()).delete("/session");
            } catch (CliException alreadyEnded) {
                cli.environment().err().println("the session had already ended: " + alreadyEnded.code());
            }
        }
        config.write(contexts.without(name));
        cli.environment().err().println("logged out of " + context.url() + " (context " + name + " removed)");
        return 0;
    }
}
