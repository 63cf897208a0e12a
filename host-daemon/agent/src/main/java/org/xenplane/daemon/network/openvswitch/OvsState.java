package org.xenplane.daemon.network.openvswitch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.xenplane.daemon.network.ManagementDevices;

/**
 * The Open vSwitch configuration that matters here, read in one {@code ovs-vsctl} call: bridges,
 * fake (VLAN) bridges, and each bridge's ports with their tags and bond settings.
 */
public final class OvsState {

    /** A port: a plain interface, a bond (several interfaces) or a fake bridge's internal port. */
    public record Port(String name, String bridge, List<String> interfaces, Integer tag, boolean fakeBridge,
                       String bondMode, String lacp) {
        public boolean isBond() {
            return interfaces.size() > 1 || bondMode != null;
        }
    }

    /** A bridge (real or fake) and, for a fake one, its parent and tag. */
    public record Bridge(String name, String datapathType, String parent, Integer tag) {
        public boolean fake() {
            return parent != null;
        }
    }

    private final Map<String, Bridge> bridges = new LinkedHashMap<>();
    private final Map<String, Port> ports = new LinkedHashMap<>();

    /** Parses the three tables of {@code ovs-vsctl --format=json list Bridge -- list Port -- list Interface}. */
    static OvsState parse(JsonNode bridgeTable, JsonNode portTable, JsonNode interfaceTable) {
        Map<String, String> interfaceNames = new HashMap<>();
        for (JsonNode row : interfaceTable.path("data")) {
            interfaceNames.put(row.get(0).get(1).asText(), row.get(1).asText());
        }
        Map<String, JsonNode> portRows = new HashMap<>();
        for (JsonNode row : portTable.path("data")) {
            portRows.put(row.get(0).get(1).asText(), row);
        }
        OvsState state = new OvsState();
        for (JsonNode row : bridgeTable.path("data")) {
            String bridge = row.get(0).asText();
            state.bridges.put(bridge, new Bridge(bridge, row.get(2).asText(""), null, null));
            for (String portUuid : uuids(row.get(1))) {
                JsonNode p = portRows.get(portUuid);
                if (p == null) {
                    continue;
                }
                List<String> interfaces = uuids(p.get(2)).stream().map(interfaceNames::get).sorted().toList();
                Port port = new Port(p.get(1).asText(), bridge, interfaces, integer(p.get(3)), p.get(4).asBoolean(),
                        string(p.get(5)), string(p.get(6)));
                state.ports.put(port.name(), port);
            }
        }
        for (Port port : List.copyOf(state.ports.values())) {
            if (port.fakeBridge()) {
                state.bridges.put(port.name(), new Bridge(port.name(), "", port.bridge(), port.tag()));
            }
        }
        return state;
    }

    private static List<String> uuids(JsonNode value) {
        List<String> result = new ArrayList<>();
        if (value.isArray() && value.get(0).asText().equals("uuid")) {
            result.add(value.get(1).asText());
        } else if (value.isArray() && value.get(0).asText().equals("set")) {
            for (JsonNode element : value.get(1)) {
                result.add(element.get(1).asText());
            }
        }
        return result;
    }

    private static Integer integer(JsonNode value) {
        return value.isInt() ? value.asInt() : null;
    }

    private static String string(JsonNode value) {
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    public Optional<Bridge> bridge(String name) {
        return Optional.ofNullable(bridges.get(name));
    }

    public Map<String, Bridge> bridges() {
        return bridges;
    }

    public Optional<Port> port(String name) {
        return Optional.ofNullable(ports.get(name));
    }

    public Map<String, Port> ports() {
        return ports;
    }

    /** The port an interface belongs to (itself, or the bond it is a member of). */
    public Optional<Port> portOfInterface(String iface) {
        return ports.values().stream().filter(p -> p.interfaces().contains(iface)).findFirst();
    }

    /** The bridge a port belongs to as a user sees it: the fake bridge of its tag, if there is one. */
    public String visibleBridge(Port port) {
        if (port.tag() != null && !port.fakeBridge()) {
            for (Bridge b : bridges.values()) {
                if (b.fake() && b.parent().equals(port.bridge()) && b.tag().equals(port.tag())) {
                    return b.name();
                }
            }
        }
        return port.bridge();
    }

    /** The ports that belong to a bridge as a user sees it (for a fake bridge: its parent's ports with its tag). */
    public List<Port> portsOf(String bridge) {
        Bridge b = bridges.get(bridge);
        if (b == null) {
            return List.of();
        }
        return ports.values().stream()
                .filter(p -> !p.name().equals(bridge) && !p.fakeBridge())
                .filter(p -> visibleBridge(p).equals(bridge))
                .toList();
    }

    /** The fake bridges hanging on a real bridge. */
    public List<String> fakeChildren(String bridge) {
        return bridges.values().stream().filter(b -> bridge.equals(b.parent())).map(Bridge::name).toList();
    }

    /**
     * The bridges, bonds and interfaces as {@link ManagementDevices} walks them: an interface's
     * master is its bond or (real) bridge, a bond's its bridge, a fake bridge's parent its parent bridge.
     */
    public List<ManagementDevices.Link> managementWalk(Predicate<String> physical) {
        List<ManagementDevices.Link> walk = new ArrayList<>();
        for (Bridge b : bridges.values()) {
            walk.add(new ManagementDevices.Link(b.name(), null, b.parent(), false));
        }
        for (Port p : ports.values()) {
            if (p.fakeBridge() || bridges.containsKey(p.name())) {
                continue;
            }
            if (p.isBond()) {
                walk.add(new ManagementDevices.Link(p.name(), p.bridge(), null, true));
                p.interfaces().forEach(i -> walk.add(new ManagementDevices.Link(i, p.name(), null, true)));
            } else {
                p.interfaces().forEach(i -> walk.add(new ManagementDevices.Link(i, p.bridge(), null, physical.test(i))));
            }
        }
        return walk;
    }
}
