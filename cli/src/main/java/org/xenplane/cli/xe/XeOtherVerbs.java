package org.xenplane.cli.xe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.xenplane.cli.resource.ResourceKind;
import org.xenplane.cli.resource.SizeConverter;

/** xe's host, task, storage and network commands. */
final class XeOtherVerbs {
    private static final SizeConverter SIZES = new SizeConverter();

    private XeOtherVerbs() {
    }

    static void register(Map<String, XeVerb> verbs) {
        verbs.put("host-enable", call -> act(call, XeClass.HOST, "enable"));
        verbs.put("host-disable", call -> act(call, XeClass.HOST, "disable"));
        verbs.put("host-evacuate", call -> act(call, XeClass.HOST, "evacuate"));
        verbs.put("task-cancel", call -> act(call, XeClass.TASK, "cancel"));
        verbs.put("sr-scan", call -> act(call, XeClass.SR, "scan"));
        verbs.put("vbd-plug", call -> act(call, XeClass.VBD, "plug"));
        verbs.put("vbd-unplug", call -> act(call, XeClass.VBD, "unplug"));
        verbs.put("vif-plug", call -> act(call, XeClass.VIF, "plug"));
        verbs.put("vif-unplug", call -> act(call, XeClass.VIF, "unplug"));
        verbs.put("vdi-destroy", call -> destroy(call, XeClass.VDI));
        verbs.put("vbd-destroy", call -> destroy(call, XeClass.VBD));
        verbs.put("vif-destroy", call -> destroy(call, XeClass.VIF));
        verbs.put("network-destroy", call -> destroy(call, XeClass.NETWORK));
        verbs.put("vdi-create", XeOtherVerbs::vdiCreate);
        verbs.put("vdi-resize", XeOtherVerbs::vdiResize);
        verbs.put("vbd-create", XeOtherVerbs::vbdCreate);
        verbs.put("vif-create", XeOtherVerbs::vifCreate);
        verbs.put("network-create", XeOtherVerbs::networkCreate);
        verbs.put("pool-ha-enable", XeOtherVerbs::poolHaEnable);
        verbs.put("pool-ha-disable", call -> call.finish(call.api().post("/ha/disable", null)));
    }

    /**
     * {@code pool-ha-enable [ha-config:timeout=SECONDS] [ha-host-failures-to-tolerate=N]}. Xenplane needs no
     * heartbeat SR (hosts heartbeat to the control plane and to each other), so {@code heartbeat-sr-uuids=}
     * is accepted and not used, as the README says.
     */
    private static void poolHaEnable(XeCall call) {
        for (String key : call.args().keySet()) {
            if (!Set.of("ha-config:timeout", "ha-host-failures-to-tolerate", "heartbeat-sr-uuids").contains(key)) {
                throw new org.xenplane.cli.CliException(org.xenplane.cli.ExitCode.USAGE, "UNKNOWN_FIELD",
                        "unknown field '" + key + "' for pool-ha-enable");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timeoutSeconds", integer(call, "ha-config:timeout", "30"));
        body.put("hostFailuresToTolerate", integer(call, "ha-host-failures-to-tolerate", "0"));
        call.finish(call.api().post("/ha/enable", body));
    }

    private static int integer(XeCall call, String key, String otherwise) {
        String value = call.arg(key, otherwise);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new org.xenplane.cli.CliException(org.xenplane.cli.ExitCode.USAGE, "INVALID_VALUE",
                    key + "=" + value + " is not a whole number");
        }
    }

    private static void act(XeCall call, XeClass xeClass, String action) {
        for (JsonNode object : call.targets(xeClass, Set.of())) {
            call.finish(call.api().post(xeClass.kind.path + "/" + object.path("id").asText() + "/" + action, null));
        }
    }

    private static void destroy(XeCall call, XeClass xeClass) {
        for (JsonNode object : call.targets(xeClass, Set.of())) {
            call.finish(call.api().delete(xeClass.kind.path + "/" + object.path("id").asText()));
        }
    }

    private static void vdiCreate(XeCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("srId", call.resolver().id(ResourceKind.SR, call.arg("sr-uuid")));
        body.put("name", call.arg("name-label"));
        body.put("virtualSize", SIZES.convert(call.arg("virtual-size")));
        call.printCreated(call.api().post("/vdis", body));
    }

    private static void vdiResize(XeCall call) {
        String id = call.resolver().id(ResourceKind.VDI, call.arg("uuid"));
        call.finish(call.api().post("/vdis/" + id + "/resize", Map.of("virtualSize", SIZES.convert(call.arg("disk-size")))));
    }

    private static void vbdCreate(XeCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vmId", call.resolver().id(ResourceKind.VM, call.arg("vm-uuid")));
        body.put("vdiId", call.resolver().id(ResourceKind.VDI, call.arg("vdi-uuid")));
        body.put("userdevice", Integer.parseInt(call.arg("device")));
        body.put("mode", call.arg("mode", "RW").toUpperCase(java.util.Locale.ROOT));
        body.put("bootable", Boolean.parseBoolean(call.arg("bootable", "false")));
        call.printCreated(call.api().post("/vbds", body));
    }

    private static void vifCreate(XeCall call) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("vmId", call.resolver().id(ResourceKind.VM, call.arg("vm-uuid")));
        body.put("networkId", call.resolver().id(ResourceKind.NETWORK, call.arg("network-uuid")));
        body.put("device", Integer.parseInt(call.arg("device")));
        if (call.arg("mac", null) != null) {
            body.put("mac", call.arg("mac"));
        }
        call.printCreated(call.api().post("/vifs", body));
    }

    private static void networkCreate(XeCall call) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", call.arg("name-label")));
        if (call.arg("bridge", null) != null) {
            body.put("bridge", call.arg("bridge"));
        }
        call.printCreated(call.api().post("/networks", body));
    }
}
