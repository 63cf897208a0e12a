package org.xenplane.cli;

import org.xenplane.cli.config.ContextCommand;
import org.xenplane.cli.config.LoginCommand;
import org.xenplane.cli.config.LogoutCommand;
import org.xenplane.cli.resource.EventWatch;
import org.xenplane.cli.resource.HaCommands;
import org.xenplane.cli.resource.ListCommand;
import org.xenplane.cli.resource.ResourceCommand;
import org.xenplane.cli.resource.ResourceKind;
import org.xenplane.cli.resource.ShowCommand;
import org.xenplane.cli.xe.XeCommand;
import picocli.AutoComplete;
import picocli.CommandLine;

/** The whole command tree: session commands, one command per kind of object with its operations, and xe. */
final class CommandTree {
    private CommandTree() {
    }

    static CommandLine build(Environment environment) {
        Xenplane root = new Xenplane(environment);
        Factory factory = new Factory(root);
        CommandLine line = new CommandLine(root, factory);
        line.addSubcommand(new CommandLine(LoginCommand.class, factory));
        line.addSubcommand(new CommandLine(LogoutCommand.class, factory));
        line.addSubcommand(new CommandLine(ContextCommand.class, factory));
        for (ResourceKind kind : ResourceKind.values()) {
            line.addSubcommand(kind.command, resource(root, factory, kind));
        }
        CommandLine event = new CommandLine(new ResourceCommand(), factory);
        event.getCommandSpec().usageMessage().description("Follow what changes in the pool.");
        event.addSubcommand("watch", new EventWatch(root));
        line.addSubcommand("event", event);
        line.addSubcommand("ha", HaCommands.group(root, factory));
        line.addSubcommand("xe", XeCommand.build(root, factory));
        line.addSubcommand("generate-completion", new AutoComplete.GenerateCompletion());
        return line.setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static CommandLine resource(Xenplane root, Factory factory, ResourceKind kind) {
        CommandLine group = new CommandLine(new ResourceCommand(), factory);
        group.getCommandSpec().usageMessage().description("Work with " + kind.command + " objects.");
        group.addSubcommand("list", new ListCommand(root, kind));
        group.addSubcommand("show", new ShowCommand(root, kind));
        Operations.of(kind).forEach((name, command) -> {
            group.addSubcommand(name, command.apply(root));
            var usage = group.getSubcommands().get(name).getCommandSpec().usageMessage();
            if (usage.description().length == 0) {
                usage.description(Character.toUpperCase(name.charAt(0)) + name.substring(1) + " a " + kind.command + ".");
            }
        });
        return group;
    }
}
