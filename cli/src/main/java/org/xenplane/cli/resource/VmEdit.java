package org.xenplane.cli.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;
import org.xenplane.cli.Xenplane;
import org.xenplane.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm create} (from a template) and {@code vm set}: the VM settings a user gives by option. */
public final class VmEdit {
    private VmEdit() {
    }

    /** The settings both commands take; only those given are sent. */
    static class Settings {
        @Option(names = "--description", description = "a description")
        String description;

        @Option(names = "--memory", converter = SizeConverter.class, paramLabel = "SIZE",
                description = "the memory (static and dynamic maximum, dynamic minimum), e.g. 512M, 1G")
        Long memory;

        @Option(names = "--vcpus", paramLabel = "N", description = "the number of vCPUs (maximum and at startup)")
        Integer vcpus;

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (description != null) {
                body.put("description", description);
            }
            if (memory != null) {
                body.put("memoryStaticMax", memory);
                body.put("memoryDynamicMax", memory);
                body.put("memoryDynamicMin", memory);
            }
            if (vcpus != null) {
                body.put("vcpusMax", vcpus);
                body.put("vcpusAtStartup", vcpus);
            }
            return body;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a VM from a template.")
    public static final class Create extends Settings implements Callable<Integer> {
        private final Xenplane cli;

        @Parameters(paramLabel = "NAME", description = "the new VM's name")
        String name;

        @Option(names = "--template", required = true, paramLabel = "TEMPLATE", description = "the template's name or id")
        String template;

        public Create(Xenplane cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ApiClient api = cli.api();
            Map<String, Object> body = body();
            body.put("template", cli.resolver(api).id(ResourceKind.TEMPLATE, template));
            body.put("name", name);
            cli.printer().one(ResourceKind.VM, api.post("/vms", body).body());
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change a VM's settings.")
    public static final class Set extends Settings implements Callable<Integer> {
        private final Xenplane cli;

        @Parameters(paramLabel = "VM", description = "the VM's name or id")
        String vm;

        @Option(names = "--name", description = "a new name")
        String newName;

        public Set(Xenplane cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Map<String, Object> body = body();
            if (newName != null) {
                body.put("name", newName);
            }
            if (body.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "NOTHING_TO_SET", "give at least one setting to change");
            }
            ApiClient api = cli.api();
            String id = cli.resolver(api).id(ResourceKind.VM, vm);
            JsonNode changed = api.patch("/vms/" + id, body).body();
            cli.printer().one(ResourceKind.VM, changed);
            return 0;
        }
    }
}
