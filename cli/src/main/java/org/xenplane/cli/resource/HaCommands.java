package org.xenplane.cli.resource;

import java.util.Map;
import java.util.concurrent.Callable;
import org.xenplane.cli.Xenplane;
import org.xenplane.cli.http.ApiClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xenplane ha show|enable|disable}: the pool's high availability, one object with no name
 * ({@code GET /api/v1/ha}, {@code POST /api/v1/ha/enable}, {@code POST /api/v1/ha/disable}).
 */
public final class HaCommands {
    private HaCommands() {
    }

    /** The {@code ha} command and its subcommands. */
    public static CommandLine group(Xenplane cli, CommandLine.IFactory factory) {
        CommandLine group = new CommandLine(new ResourceCommand(), factory);
        group.getCommandSpec().usageMessage().description(
                "The pool's high availability: host leases, self-fencing, protected VMs restarted elsewhere.");
        group.addSubcommand("show", new Show(cli));
        group.addSubcommand("enable", new Enable(cli));
        group.addSubcommand("disable", new Disable(cli));
        return group;
    }

    @Command(mixinStandardHelpOptions = true,
            description = "Show whether HA is on, its timeout, each host's state, the failover plan and pending restarts.")
    static final class Show implements Callable<Integer> {
        private final Xenplane cli;

        Show(Xenplane cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            cli.printer().unnamed(cli.api().get("/ha").body());
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, description = "Enable HA on the pool (pool-operator).")
    static final class Enable implements Callable<Integer> {
        private final Xenplane cli;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
                description = "T: how long a host may go without a heartbeat before it is declared dead and its"
                        + " protected VMs restart elsewhere (6-3600; default ${DEFAULT-VALUE})")
        int timeoutSeconds;

        @Option(names = "--failures-to-tolerate", paramLabel = "N", defaultValue = "0",
                description = "host failures the failover plan must survive (default ${DEFAULT-VALUE})")
        int hostFailuresToTolerate;

        Enable(Xenplane cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ApiClient api = cli.api();
            ApiClient.Reply reply = api.post("/ha/enable", Map.of("timeoutSeconds", timeoutSeconds,
                    "hostFailuresToTolerate", hostFailuresToTolerate));
            Outcome.finish(cli, api, reply, false, "HA enabled: T = " + timeoutSeconds + " s, "
                    + hostFailuresToTolerate + " host failure(s) tolerated");
            return 0;
        }
    }

    @Command(mixinStandardHelpOptions = true, description = "Disable HA on the pool (pool-operator).")
    static final class Disable implements Callable<Integer> {
        private final Xenplane cli;

        Disable(Xenplane cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ApiClient api = cli.api();
            Outcome.finish(cli, api, api.post("/ha/disable", null), false, "HA disabled");
            return 0;
        }
    }
}
