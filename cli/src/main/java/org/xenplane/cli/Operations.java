package org.xenplane.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.xenplane.cli.resource.AccountCommands;
import org.xenplane.cli.resource.ActionCommand;
import org.xenplane.cli.resource.CreateCommands;
import org.xenplane.cli.resource.DeleteCommand;
import org.xenplane.cli.resource.ResourceCommand;
import org.xenplane.cli.resource.ResourceKind;
import org.xenplane.cli.resource.VmCommands;
import org.xenplane.cli.resource.VmEdit;
import picocli.CommandLine;

/** Each kind's commands beyond list and show, declared in one place: the name and how to make the command. */
final class Operations {
    private Operations() {
    }

    static Map<String, Function<Xenplane, Object>> of(ResourceKind kind) {
        Map<String, Function<Xenplane, Object>> commands = new LinkedHashMap<>();
        switch (kind) {
            case VM -> vm(commands);
            case HOST -> {
                action(commands, kind, "enable", "enabled");
                action(commands, kind, "disable", "disabled");
                action(commands, kind, "evacuate", "evacuated");
                commands.put("maintenance", Operations::maintenance);
            }
            case TASK -> action(commands, kind, "cancel", "asked to cancel");
            case SR -> {
                commands.put("create", CreateCommands.Sr::new);
                commands.put("delete", cli -> new DeleteCommand(cli, kind));
            }
            case VDI -> {
                commands.put("create", CreateCommands.Vdi::new);
                commands.put("resize", CreateCommands.VdiResize::new);
                commands.put("delete", cli -> new DeleteCommand(cli, kind));
            }
            case NETWORK -> {
                commands.put("create", CreateCommands.Network::new);
                commands.put("delete", cli -> new DeleteCommand(cli, kind));
            }
            case VBD, VIF -> {
                commands.put("create", kind == ResourceKind.VBD ? CreateCommands.Vbd::new : CreateCommands.Vif::new);
                action(commands, kind, "plug", "plugged");
                action(commands, kind, "unplug", "unplugged");
                commands.put("delete", cli -> new DeleteCommand(cli, kind));
            }
            case USER -> {
                commands.put("create", AccountCommands.CreateUser::new);
                commands.put("delete", cli -> new DeleteCommand(cli, kind));
            }
            case TOKEN -> {
                commands.put("create", AccountCommands.CreateToken::new);
                commands.put("delete", cli -> new DeleteCommand(cli, kind));
            }
            case PBD -> {
                action(commands, kind, "plug", "plugged");
                action(commands, kind, "unplug", "unplugged");
            }
            case MESSAGE, TEMPLATE -> commands.put("delete", cli -> new DeleteCommand(cli, kind));
        }
        return commands;
    }

    private static void vm(Map<String, Function<Xenplane, Object>> commands) {
        commands.put("create", VmEdit.Create::new);
        commands.put("set", VmEdit.Set::new);
        commands.put("start", VmCommands.Start::new);
        commands.put("shutdown", VmCommands.Shutdown::new);
        commands.put("reboot", VmCommands.Reboot::new);
        action(commands, ResourceKind.VM, "suspend", "suspended");
        action(commands, ResourceKind.VM, "resume", "resumed");
        action(commands, ResourceKind.VM, "pause", "paused");
        action(commands, ResourceKind.VM, "unpause", "unpaused");
        commands.put("migrate", VmCommands.Migrate::new);
        commands.put("clone", cli -> new VmCommands.Make(cli, "clone"));
        commands.put("copy", cli -> new VmCommands.Make(cli, "copy"));
        commands.put("snapshot", cli -> new VmCommands.Make(cli, "snapshot"));
        commands.put("revert", VmCommands.Revert::new);
        commands.put("delete", cli -> new DeleteCommand(cli, ResourceKind.VM));
    }

    /** {@code host maintenance enter|exit HOST}: disable and evacuate as one task, and back. */
    private static CommandLine maintenance(Xenplane cli) {
        CommandLine group = new CommandLine(new ResourceCommand());
        group.getCommandSpec().usageMessage().description("Put a host in maintenance (disable, then evacuate) or take it out.");
        group.addSubcommand("enter", new CommandLine(new ActionCommand(cli, ResourceKind.HOST, "maintenance/enter", "in maintenance")));
        group.addSubcommand("exit", new CommandLine(new ActionCommand(cli, ResourceKind.HOST, "maintenance/exit", "out of maintenance")));
        group.getSubcommands().get("enter").getCommandSpec().usageMessage()
                .description("Disable the host, then live-migrate every VM away; waits for the task.");
        group.getSubcommands().get("exit").getCommandSpec().usageMessage().description("Enable the host again.");
        return group;
    }

    private static void action(Map<String, Function<Xenplane, Object>> commands, ResourceKind kind, String name, String done) {
        commands.put(name, cli -> new ActionCommand(cli, kind, name, done));
    }
}
