package org.xenplane.cli;

import java.util.List;
import org.xenplane.cli.config.ConfigFile;
import org.xenplane.cli.config.Connection;
import org.xenplane.cli.http.ApiClient;
import org.xenplane.cli.http.TaskWaiter;
import org.xenplane.cli.output.OutputFormat;
import org.xenplane.cli.output.Printer;
import org.xenplane.cli.resource.Resolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: the options every command inherits, and what the commands share (config, API client, printer). */
@Command(name = "xenplane", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Drive a Xenplane pool: hosts, VMs, storage, networks, tasks, users. "
                + "'xenplane xe <command> key=value ...' speaks xe.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:usage (a bad option, name or value)", "3:not found", "4:conflict (wrong state, busy)",
                "5:permission (not logged in, role too low)", "6:server or network error",
                "130:Ctrl-C: stopped waiting for a task, which goes on"})
public final class Xenplane implements Runnable {
    @Option(names = "--context", scope = ScopeType.INHERIT, description = "the context to use (default: the current one)")
    String context;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT,
            description = "table (default), wide, json, yaml or name")
    OutputFormat output = OutputFormat.TABLE;

    @Option(names = "--fields", split = ",", scope = ScopeType.INHERIT, description = "the fields to show, comma-separated")
    List<String> fields;

    @Spec
    CommandSpec spec;

    private final Environment environment;

    public Xenplane(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command; 'xenplane --help' lists them");
    }

    public Environment environment() {
        return environment;
    }

    public String contextName() {
        return context;
    }

    public ConfigFile config() {
        return ConfigFile.locate(environment.variables());
    }

    public ApiClient api() {
        Connection connection = Connection.resolve(config().read(), context, environment.variables());
        return new ApiClient(connection.url(), connection.token());
    }

    public Resolver resolver(ApiClient api) {
        return new Resolver(api);
    }

    public Printer printer() {
        return new Printer(environment.out(), output, fields, environment.width());
    }

    public TaskWaiter waiter(ApiClient api) {
        return new TaskWaiter(api, environment.err(), environment.console());
    }
}
