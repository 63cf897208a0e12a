package org.xenplane.cli.config;

import java.util.List;
import java.util.concurrent.Callable;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;
import org.xenplane.cli.Xenplane;
import org.xenplane.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code xenplane context list|use}: the named contexts in the configuration file. */
@Command(name = "context", mixinStandardHelpOptions = true, description = "List the contexts, or choose the current one.",
        subcommands = {ContextCommand.ListContexts.class, ContextCommand.Use.class})
public final class ContextCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list or use");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the contexts; * marks the current one.")
    public static final class ListContexts implements Callable<Integer> {
        private final Xenplane cli;

        public ListContexts(Xenplane cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ConfigFile.Contexts contexts = cli.config().read();
            Table table = new Table(List.of("CURRENT", "NAME", "URL", "USER"));
            contexts.contexts().forEach((name, c) -> table.add(List.of(name.equals(contexts.current()) ? "*" : "",
                    name, c.url(), c.user())));
            table.render(cli.environment().width()).forEach(cli.environment().out()::println);
            return 0;
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true, description = "Make a context the current one.")
    public static final class Use implements Callable<Integer> {
        private final Xenplane cli;

        @Parameters(paramLabel = "NAME")
        String name;

        public Use(Xenplane cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ConfigFile config = cli.config();
            ConfigFile.Contexts contexts = config.read();
            if (!contexts.contexts().containsKey(name)) {
                throw new CliException(ExitCode.NOT_FOUND, "CONTEXT_UNKNOWN", "there is no context '" + name
                        + "'; the contexts are " + contexts.contexts().keySet());
            }
            config.write(contexts.using(name));
            cli.environment().out().println("now using context " + name);
            return 0;
        }
    }
}
