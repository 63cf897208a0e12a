package org.xenplane.cli.xe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.xenplane.cli.CliException;
import org.xenplane.cli.ExitCode;
import org.xenplane.cli.resource.ResourceKind;
import org.xenplane.cli.resource.SizeConverter;

/** xe's commands that make several objects or speak for the session: sr-create, vm-disk-add, vlan-create, pbd plug, user-password-change. */
final class XeMoreVerbs {
    private static final SizeConverter SIZES = new SizeConverter();
    private static final String DEVICE_CONFIG = "device-config:";

    private XeMoreVerbs() {
    }

    static void register(Map<String, XeVerb> verbs) {
        verbs.put("pbd-plug", call -> pbd(call, "plug"));
        verbs.put("pbd-unplug", call -> pbd(call, "unplug"));
        verbs.put("sr-create", XeMoreVerbs::srCreate);
        verbs.put("vm-disk-add", XeMoreVerbs::diskAdd);
        verbs.put("vlan-create", XeMoreVerbs::vlanCreate);
        verbs.put("user-password-change", XeMoreVerbs::passwordChange);
    }

    private static void pbd(XeCall call, String action) {
        for (JsonNode pbd : call.targets(XeClass.PBD, Set.of())) {
            call.finish(call.api().post("/pbds/" + pbd.path("id").asText() + "/" + action, null));
        }
    }

    /** {@code sr-create host-uuid= type= name-label= device-config:path=...}: prints the new SR's uuid. */
    private static void srCreate(XeCall call) {
        Map<String, String> deviceConfig = new LinkedHashMap<>();
        call.args().forEach((key, value) -> {
            if (key.startsWith(DEVICE_CONFIG)) {
                deviceConfig.put(key.substring(DEVICE_CONFIG.length()), value);
            }
        });
        Map<String, Object> body = Map.of("name", call.arg("name-label"), "type", call.arg("type"),
                "hostId", call.resolver().id(ResourceKind.HOST, call.arg("host-uuid")), "deviceConfig", deviceConfig);
        call.printCreated(call.api().post("/srs", body));
    }

    /** {@code vm-disk-add vm= sr-uuid= disk-size= [device=]}: a new VDI and the VBD that gives it to the VM. */
    private static void diskAdd(XeCall call) {
        JsonNode vm = call.targets(XeClass.VM, Set.of("sr-uuid", "disk-size", "device")).get(0);
        String vmId = vm.path("id").asText();
        int device = call.arg("device", null) != null ? Integer.parseInt(call.arg("device")) : nextDevice(call, vmId);
        Map<String, Object> vdi = Map.of("srId", call.resolver().id(ResourceKind.SR, call.arg("sr-uuid")),
                "name", vm.path("name").asText() + " disk " + device, "virtualSize", SIZES.convert(call.arg("disk-size")));
        String vdiId = call.api().post("/vdis", vdi).body().path("id").asText();
        call.api().post("/vbds", Map.of("vmId", vmId, "vdiId", vdiId, "userdevice", device, "mode", "RW",
                "bootable", device == 0));
        call.out().println(vdiId);
    }

    private static int nextDevice(XeCall call, String vmId) {
        Set<Integer> used = new TreeSet<>();
        call.resolver().list(ResourceKind.VBD).stream().filter(v -> vmId.equals(v.path("vmId").asText()))
                .forEach(v -> used.add(v.path("userdevice").asInt()));
        int device = 0;
        while (used.contains(device)) {
            device++;
        }
        return device;
    }

    /** {@code vlan-create pif-uuid= vlan= network-uuid=}: the VLAN on that NIC's device, on every host that has it. */
    private static void vlanCreate(XeCall call) {
        JsonNode pif = call.resolver().find(ResourceKind.PIF, call.arg("pif-uuid"));
        Map<String, Object> body = Map.of("networkId", call.resolver().id(ResourceKind.NETWORK, call.arg("network-uuid")),
                "device", pif.path("device").asText(), "tag", Integer.parseInt(call.arg("vlan")));
        call.printCreated(call.api().post("/vlans", body));
    }

    /** {@code user-password-change old= new=}: the logged-in user's own password (their other sessions end). */
    private static void passwordChange(XeCall call) {
        if (call.arg("new").equals(call.arg("old"))) {
            throw new CliException(ExitCode.USAGE, "PASSWORD_UNCHANGED", "the new password is the old one");
        }
        call.api().post("/session/password", Map.of("oldPassword", call.arg("old"), "newPassword", call.arg("new")));
    }
}
