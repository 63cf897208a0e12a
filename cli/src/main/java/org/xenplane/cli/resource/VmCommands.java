package org.xenplane.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xenplane.cli.Xenplane;
import org.xenplane.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The VM operations that take more than the VM: create, start, shutdown, reboot, migrate, clone, copy, snapshot, revert, set. */
public final class VmCommands {
    private VmCommands() {
    }

    /** What every VM operation has: the CLI, the VM named, {@code --async}. */
    abstract static class VmOperation implements Callable<Integer> {
        final Xenplane cli;

        @Parameters(index = "0", paramLabel = "VM", description = "the VM's name or id")
        String vm;

        @Option(names = "--async", description = "print the task's id instead of waiting for it")
        boolean async;

        VmOperation(Xenplane cli) {
            this.cli = cli;
        }

        /** POSTs {@code action} on the VM with {@code body} and finishes as the answer says. */
        final void post(String action, Object body, String done) {
            ApiClient api = cli.api();
            String id = cli.resolver(api).id(ResourceKind.VM, vm);
            Outcome.finish(cli, api, api.post("/vms/" + id + "/" + action, body), async, "vm " + vm + " " + done);
        }

        /** POSTs an operation that makes a new VM ({@code clone}, {@code copy}, {@code snapshot}) and prints it. */
        final void make(String action, String name) {
            ApiClient api = cli.api();
            String id = cli.resolver(api).id(ResourceKind.VM, vm);
            JsonNode made = api.post("/vms/" + id + "/" + action, Map.of("name", name)).body();
            cli.printer().one(ResourceKind.VM, made);
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start a VM (on a host of the pool's choosing, or --on).")
    public static final class Start extends VmOperation {
        @Option(names = "--on", paramLabel = "HOST", description = "the host to start it on (vm-power-admin)")
        String host;

        @Option(names = "--paused", description = "leave it paused")
        boolean paused;

        public Start(Xenplane cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("paused", paused));
            if (host == null) {
                post("start", body, "started");
            } else {
                body.put("host", cli.resolver(cli.api()).id(ResourceKind.HOST, host));
                post("start-on", body, "started on " + host);
            }
            return 0;
        }
    }

    @Command(name = "shutdown", mixinStandardHelpOptions = true, description = "Shut a VM down (clean, or --force).")
    public static final class Shutdown extends VmOperation {
        @Option(names = "--force", description = "power it off at once (hard shutdown)")
        boolean force;

        public Shutdown(Xenplane cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            post(force ? "hard-shutdown" : "clean-shutdown", null, "shut down");
            return 0;
        }
    }

    @Command(name = "reboot", mixinStandardHelpOptions = true, description = "Reboot a VM (clean, or --force).")
    public static final class Reboot extends VmOperation {
        @Option(names = "--force", description = "reset it at once (hard reboot)")
        boolean force;

        public Reboot(Xenplane cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            post(force ? "hard-reboot" : "clean-reboot", null, "rebooted");
            return 0;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Move a running VM to another host, live.")
    public static final class Migrate extends VmOperation {
        @Option(names = "--to", required = true, paramLabel = "HOST", description = "the destination host")
        String host;

        public Migrate(Xenplane cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            post("migrate", Map.of("host", cli.resolver(cli.api()).id(ResourceKind.HOST, host)), "migrated to " + host);
            return 0;
        }
    }

    @Command(name = "revert", mixinStandardHelpOptions = true, description = "Take a halted VM back to one of its snapshots.")
    public static final class Revert extends VmOperation {
        @Option(names = "--snapshot", required = true, paramLabel = "SNAPSHOT", description = "the snapshot's name or id")
        String snapshot;

        public Revert(Xenplane cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            post("revert", Map.of("snapshot", cli.resolver(cli.api()).id(ResourceKind.TEMPLATE, snapshot)), "reverted");
            return 0;
        }
    }

    /** {@code clone}, {@code copy} or {@code snapshot}: a new VM with a name. */
    @Command(mixinStandardHelpOptions = true)
    public static final class Make extends VmOperation {
        private final String action;

        @Parameters(index = "1", paramLabel = "NEW-NAME", description = "the new VM's name")
        String name;

        public Make(Xenplane cli, String action) {
            super(cli);
            this.action = action;
        }

        @Override
        public Integer call() {
            make(action, name);
            return 0;
        }
    }
}
