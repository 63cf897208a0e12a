package org.xenplane.cli.resource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xenplane.cli.Xenplane;
import org.xenplane.cli.http.ApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code create} of SRs, VDIs, VBDs, networks and VIFs, and {@code vdi resize}: each sends the options given. */
public final class CreateCommands {
    private CreateCommands() {
    }

    /** Posts a body and prints what was made; a long creation's task is waited for unless {@code --async}. */
    abstract static class Create implements Callable<Integer> {
        final Xenplane cli;

        @Option(names = "--async", description = "print the task's id instead of waiting for it")
        boolean async;

        Create(Xenplane cli) {
            this.cli = cli;
        }

        abstract ResourceKind kind();

        abstract Map<String, Object> body(Resolver resolver);

        @Override
        public Integer call() {
            ApiClient api = cli.api();
            ApiClient.Reply reply = api.post(kind().path, body(cli.resolver(api)));
            if (reply.status() == 202) {
                Outcome.finish(cli, api, reply, async, kind().command + " created");
            } else {
                cli.printer().one(kind(), reply.body());
            }
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an SR on a host.")
    public static final class Sr extends Create {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--type", required = true, description = "file, lvm or nfs")
        String type;

        @Option(names = "--host", required = true, description = "the host's name or id")
        String host;

        @Option(names = "--config", paramLabel = "KEY=VALUE", description = "device configuration, e.g. path=/var/lib/xenplane/sr/local")
        Map<String, String> config = new LinkedHashMap<>();

        public Sr(Xenplane cli) {
            super(cli);
        }

        @Override
        ResourceKind kind() {
            return ResourceKind.SR;
        }

        @Override
        Map<String, Object> body(Resolver resolver) {
            return Map.of("name", name, "type", type, "hostId", resolver.id(ResourceKind.HOST, host), "deviceConfig", config);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a VDI (a virtual disk) in an SR.")
    public static final class Vdi extends Create {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--sr", required = true, description = "the SR's name or id")
        String sr;

        @Option(names = "--size", required = true, converter = SizeConverter.class, description = "e.g. 10G")
        Long size;

        public Vdi(Xenplane cli) {
            super(cli);
        }

        @Override
        ResourceKind kind() {
            return ResourceKind.VDI;
        }

        @Override
        Map<String, Object> body(Resolver resolver) {
            return Map.of("name", name, "srId", resolver.id(ResourceKind.SR, sr), "virtualSize", size);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Give a VM a disk: a VBD joining it to a VDI.")
    public static final class Vbd extends Create {
        @Option(names = "--vm", required = true, description = "the VM's name or id")
        String vm;

        @Option(names = "--vdi", required = true, description = "the VDI's name or id")
        String vdi;

        @Option(names = "--device", required = true, description = "the user device number (0 is xvda)")
        int device;

        @Option(names = "--read-only", description = "attach it read-only")
        boolean readOnly;

        @Option(names = "--bootable")
        boolean bootable;

        public Vbd(Xenplane cli) {
            super(cli);
        }

        @Override
        ResourceKind kind() {
            return ResourceKind.VBD;
        }

        @Override
        Map<String, Object> body(Resolver resolver) {
            return Map.of("vmId", resolver.id(ResourceKind.VM, vm), "vdiId", resolver.id(ResourceKind.VDI, vdi),
                    "userdevice", device, "mode", readOnly ? "RO" : "RW", "bootable", bootable);
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a network.")
    public static final class Network extends Create {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--bridge", description = "the bridge's name on each host (default: chosen by the server)")
        String bridge;

        @Option(names = "--mtu")
        Integer mtu;

        public Network(Xenplane cli) {
            super(cli);
        }

        @Override
        ResourceKind kind() {
            return ResourceKind.NETWORK;
        }

        @Override
        Map<String, Object> body(Resolver resolver) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name));
            if (bridge != null) {
                body.put("bridge", bridge);
            }
            if (mtu != null) {
                body.put("mtu", mtu);
            }
            return body;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Give a VM a NIC on a network.")
    public static final class Vif extends Create {
        @Option(names = "--vm", required = true, description = "the VM's name or id")
        String vm;

        @Option(names = "--network", required = true, description = "the network's name or id")
        String network;

        @Option(names = "--device", required = true, description = "the device index in the VM (0 is eth0)")
        int device;

        @Option(names = "--mac", description = "a MAC address (default: a random one)")
        String mac;

        public Vif(Xenplane cli) {
            super(cli);
        }

        @Override
        ResourceKind kind() {
            return ResourceKind.VIF;
        }

        @Override
        Map<String, Object> body(Resolver resolver) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("vmId", resolver.id(ResourceKind.VM, vm),
                    "networkId", resolver.id(ResourceKind.NETWORK, network), "device", device));
            if (mac != null) {
                body.put("mac", mac);
            }
            return body;
        }
    }

    @Command(name = "resize", mixinStandardHelpOptions = true, description = "Grow a VDI.")
    public static final class VdiResize implements Callable<Integer> {
        private final Xenplane cli;

        @Parameters(paramLabel = "VDI", description = "the VDI's name or id")
        String vdi;

        @Option(names = "--size", required = true, converter = SizeConverter.class, description = "the new size, e.g. 20G")
        Long size;

        @Option(names = "--async", description = "print the task's id instead of waiting for it")
        boolean async;

        public VdiResize(Xenplane cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            ApiClient api = cli.api();
            String id = cli.resolver(api).id(ResourceKind.VDI, vdi);
            Outcome.finish(cli, api, api.post("/vdis/" + id + "/resize", Map.of("virtualSize", size)), async,
                    "vdi " + vdi + " resized");
            return 0;
        }
    }
}
