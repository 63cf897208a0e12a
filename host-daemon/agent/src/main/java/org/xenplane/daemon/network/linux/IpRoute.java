package org.xenplane.daemon.network.linux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xenplane.daemon.network.NetworkFailure;
import org.xenplane.daemon.network.Shell;
import org.xenplane.daemon.network.SpecChecks;
import org.xenplane.daemon.network.Undo;
import org.xenplane.daemon.protocol.WireError;
import org.xenplane.daemon.protocol.network.IpConfig;
import org.xenplane.daemon.protocol.network.IpMode;

/** iproute2 for one host: reading its devices and the few changes both real drivers make. */
public class IpRoute {
    private static final String XEN_BACKEND_BUS = "xen-backend";
    private final Shell shell;
    private final ObjectMapper json;
    private final Dhcp dhcp;
    private final AddressMove addressMove;

    /** @param runDir where DHCP clients keep their pid files and script (created on first use) */
    public IpRoute(Shell shell, ObjectMapper json, java.nio.file.Path runDir) {
        this.shell = shell;
        this.json = json;
        this.dhcp = new Dhcp(shell, runDir);
        this.addressMove = new AddressMove(shell, json);
    }

    public Shell shell() {
        return shell;
    }

    /** Every device but {@code lo}, by name. */
    public Map<String, KernelLink> links() {
        JsonNode all = parse(shell.check("ip", "-d", "-j", "addr", "show"));
        Map<String, KernelLink> links = new LinkedHashMap<>();
        for (JsonNode node : all) {
            String name = node.path("ifname").asText();
            if (name.isEmpty() || name.equals("lo")) {
                continue;
            }
            links.put(name, link(node));
        }
        return links;
    }

    /** The devices that carry a default route (IPv4 or IPv6): the host's way out. */
    public Set<String> defaultRouteDevices() {
        Set<String> devices = new HashSet<>();
        for (String family : List.of("-4", "-6")) {
            Shell.Result result = shell.run("ip", family, "-j", "route", "show", "default");
            if (result.ok() && !result.stdout().isBlank()) {
                for (JsonNode route : parse(result.stdout())) {
                    if (route.hasNonNull("dev")) {
                        devices.add(route.get("dev").asText());
                    }
                }
            }
        }
        return devices;
    }

    private KernelLink link(JsonNode node) {
        JsonNode info = node.path("linkinfo");
        String kind = info.hasNonNull("info_kind") ? info.get("info_kind").asText() : null;
        JsonNode data = info.path("info_data");
        Integer vlanId = "vlan".equals(kind) && data.has("id") ? data.get("id").asInt() : null;
        String bondMode = "bond".equals(kind) && data.has("mode") ? data.get("mode").asText() : null;
        List<String> addresses = new ArrayList<>();
        for (JsonNode a : node.path("addr_info")) {
            String scope = a.path("scope").asText();
            if (a.has("local") && !"link".equals(scope) && !"host".equals(scope)) {
                addresses.add(a.get("local").asText() + "/" + a.path("prefixlen").asInt());
            }
        }
        boolean up = false;
        for (JsonNode flag : node.path("flags")) {
            up |= flag.asText().equals("UP");
        }
        String parent = node.hasNonNull("link") && !node.has("link_netnsid") ? node.get("link").asText() : null;
        return new KernelLink(node.path("ifname").asText(), kind, textOrNull(node, "master"), parent,
                node.path("mtu").asInt(), node.path("address").asText("").toLowerCase(), up, vlanId, bondMode,
                addresses, onABus(node));
    }

    /**
     * Whether the device hangs off a bus (PCI, virtio, USB): a real NIC. A VIF's backend in dom0
     * ({@code vif<domid>.<n>}) also has a parent device, on the {@code xen-backend} bus: it is a
     * guest's NIC, never a PIF.
     */
    private static boolean onABus(JsonNode node) {
        return node.hasNonNull("parentbus") && !XEN_BACKEND_BUS.equals(node.get("parentbus").asText());
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text.isBlank() ? "[]" : text);
        } catch (java.io.IOException e) {
            throw new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, shell.host(), "unreadable ip -j output");
        }
    }

    // ---- changes, each recording its inverse

    public void setMtu(KernelLink link, int mtu, Undo undo) {
        if (link.mtu() != mtu) {
            shell.check("ip", "link", "set", "dev", link.name(), "mtu", Integer.toString(mtu));
            undo.add("mtu of " + link.name(), () -> shell.check("ip", "link", "set", "dev", link.name(), "mtu",
                    Integer.toString(link.mtu())));
        }
    }

    public void setUp(KernelLink link, Undo undo) {
        if (!link.up()) {
            shell.check("ip", "link", "set", "dev", link.name(), "up");
            undo.add("up " + link.name(), () -> shell.check("ip", "link", "set", "dev", link.name(), "down"));
        }
    }

    public void setUp(String name) {
        shell.check("ip", "link", "set", "dev", name, "up");
    }

    public void enslave(KernelLink link, String master, Undo undo) {
        if (!master.equals(link.master())) {
            shell.check("ip", "link", "set", "dev", link.name(), "master", master);
            undo.add("enslave " + link.name(), () -> shell.check("ip", "link", "set", "dev", link.name(), "nomaster"));
        }
    }

    /** Whether the NIC has addresses or routes that must move to a bridge it becomes a port of. */
    public boolean carriesAddresses(KernelLink nic) {
        return addressMove.needed(nic);
    }

    /** Moves the NIC's addresses and routes to the bridge around {@code enslave} (see {@link AddressMove}). */
    public void moveAddresses(KernelLink nic, String bridge, Runnable enslave, Undo undo) {
        addressMove.move(nic, bridge, enslave, undo);
    }

    /** Gives a device the MAC of another (a bridge its uplink NIC's, as XenServer does), recording the old one. */
    public void setMac(KernelLink link, String mac, Undo undo) {
        if (!mac.isEmpty() && !mac.equals(link.mac())) {
            shell.check("ip", "link", "set", "dev", link.name(), "address", mac);
            undo.add("mac of " + link.name(), () -> shell.run("ip", "link", "set", "dev", link.name(), "address", link.mac()));
        }
    }

    public void release(String name) {
        shell.check("ip", "link", "set", "dev", name, "nomaster");
    }

    public void delete(String name) {
        Shell.Result result = shell.run("ip", "link", "del", "dev", name);
        if (!result.ok() && !result.stderr().contains("Cannot find device")) {
            throw shell.failure(new String[] {"ip", "link", "del", "dev", name}, result);
        }
    }

    /** Creates a device ({@code ip link add name <name> <args>}) and records its deletion. */
    public void add(String name, Undo undo, String... typeAndOptions) {
        List<String> command = new ArrayList<>(List.of("ip", "link", "add"));
        command.addAll(List.of(typeAndOptions));
        shell.check(command.toArray(String[]::new));
        undo.add("create " + name, () -> delete(name));
    }

    /**
     * Applies an IPv4 configuration to a device: addresses flushed, then a static address (and
     * default route), or a DHCP client kept running for the device. A failure restores the
     * addresses it had. DNS servers are not written anywhere: see docs/network.md.
     */
    public void configure(KernelLink link, IpConfig config) {
        Optional<String> address = SpecChecks.ip(config);
        Undo undo = new Undo();
        try {
            dhcp.stop(link.name());
            if (!link.addresses().isEmpty()) {
                shell.check("ip", "-4", "addr", "flush", "dev", link.name(), "scope", "global");
                undo.add("addresses of " + link.name(), () -> link.addresses().stream().filter(a -> a.contains("."))
                        .forEach(a -> shell.run("ip", "addr", "add", a, "dev", link.name())));
            }
            if (address.isPresent()) {
                shell.check("ip", "addr", "add", address.get(), "dev", link.name());
                setUp(link, undo);
                if (config.gateway() != null && !config.gateway().isEmpty()) {
                    shell.check("ip", "route", "replace", "default", "via", config.gateway(), "dev", link.name());
                }
            } else if (config.mode() == IpMode.DHCP) {
                setUp(link, undo);
                dhcp.start(link.name());
            }
        } catch (RuntimeException e) {
            dhcp.stop(link.name());
            shell.run("ip", "-4", "addr", "flush", "dev", link.name(), "scope", "global");
            undo.rollback();
            throw e;
        }
    }
}
