package org.xenplane.daemon.network.linux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xenplane.daemon.network.NetworkFailure;
import org.xenplane.daemon.network.Shell;
import org.xenplane.daemon.network.Undo;
import org.xenplane.daemon.protocol.WireError;

/**
 * Moves a NIC's addresses and routes onto the bridge it becomes a port of, as XenServer has its
 * management address on {@code xenbr0}: a port of a bridge no longer receives for itself, so its
 * addresses must live on the bridge.
 *
 * <p>The order keeps the host reachable at every step: the addresses are added to the bridge (up,
 * with the NIC's MAC) first; then the NIC is enslaved (from then on what arrives on it is the
 * bridge's, which has the addresses, while what leaves through the NIC's routes still goes out
 * on the wire); then each route the kernel did not make itself (the default route among them) is
 * replaced by the same route through the bridge; last the addresses leave the NIC. Each step
 * records its inverse, so a failure puts everything back on the NIC. Established connections
 * (the daemon's own among them) survive: the addresses never leave the host.
 */
final class AddressMove {
    /** Routes the kernel makes and remakes itself: not moved. */
    private static final Set<String> KERNEL_PROTOCOLS = Set.of("kernel", "ra");

    private final Shell shell;
    private final ObjectMapper json;

    AddressMove(Shell shell, ObjectMapper json) {
        this.shell = shell;
        this.json = json;
    }

    /** Whether the NIC has anything to move. */
    boolean needed(KernelLink nic) {
        return !nic.addresses().isEmpty() || !routes(nic.name()).isEmpty();
    }

    /**
     * Moves the NIC's addresses and routes to {@code bridge} around {@code enslave}, which makes
     * the NIC a port of the bridge (and records its own inverse).
     */
    void move(KernelLink nic, String bridge, Runnable enslave, Undo undo) {
        List<List<String>> routes = routes(nic.name());
        for (String address : nic.addresses()) {
            shell.check(addressCommand("add", address, bridge));
            undo.add("address " + address + " on " + bridge, () -> shell.run(addressCommand("del", address, bridge)));
        }
        enslave.run();
        for (List<String> route : routes) {
            shell.check(routeCommand(route, bridge));
            undo.add("route " + route + " via " + bridge, () -> shell.run(routeCommand(route, nic.name())));
        }
        for (String address : nic.addresses()) {
            shell.check(addressCommand("del", address, nic.name()));
            undo.add("address " + address + " off " + nic.name(), () -> shell.run(addressCommand("add", address, nic.name())));
        }
    }

    private static String[] addressCommand(String verb, String address, String device) {
        List<String> command = new ArrayList<>(List.of("ip", "addr", verb, address, "dev", device));
        if (verb.equals("add")) {
            command.addAll(address.contains(":") ? List.of("nodad") : List.of("brd", "+"));
        }
        return command.toArray(String[]::new);
    }

    /** {@code ip [-6] route replace <route> dev <device>}. */
    private static String[] routeCommand(List<String> route, String device) {
        List<String> command = new ArrayList<>(List.of("ip", route.get(0), "route", "replace"));
        command.addAll(route.subList(1, route.size()));
        command.addAll(List.of("dev", device));
        return command.toArray(String[]::new);
    }

    /**
     * The routes of the main table through the device that the kernel did not make: each as
     * {@code [-4|-6, dst, via, gw, proto, p, metric, m, ...]} without its device.
     */
    List<List<String>> routes(String device) {
        List<List<String>> routes = new ArrayList<>();
        for (String family : List.of("-4", "-6")) {
            Shell.Result result = shell.run("ip", family, "-j", "route", "show", "dev", device);
            if (!result.ok() || result.stdout().isBlank()) {
                continue;
            }
            for (JsonNode route : parse(result.stdout())) {
                String protocol = route.path("protocol").asText("boot");
                String dst = route.path("dst").asText("");
                if (!KERNEL_PROTOCOLS.contains(protocol) && !dst.isEmpty() && !dst.startsWith("fe80:")
                        && !dst.startsWith("ff00:")) {
                    routes.add(route(family, dst, protocol, route));
                }
            }
        }
        return routes;
    }

    private static List<String> route(String family, String dst, String protocol, JsonNode route) {
        List<String> args = new ArrayList<>(List.of(family, dst));
        if (route.hasNonNull("gateway")) {
            args.addAll(List.of("via", route.get("gateway").asText()));
        }
        args.addAll(List.of("proto", protocol));
        if (route.hasNonNull("metric")) {
            args.addAll(List.of("metric", route.get("metric").asText()));
        }
        if (route.hasNonNull("prefsrc")) {
            args.addAll(List.of("src", route.get("prefsrc").asText()));
        }
        if (route.hasNonNull("scope") && !"global".equals(route.get("scope").asText())) {
            args.addAll(List.of("scope", route.get("scope").asText()));
        }
        for (JsonNode flag : route.path("flags")) {
            if (flag.asText().equals("onlink")) {
                args.add("onlink");
            }
        }
        return args;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new NetworkFailure(WireError.NETWORK_BACKEND_FAILURE, shell.host(), "unreadable ip -j route output");
        }
    }
}
