package org.xenplane.cli.xe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.xenplane.cli.resource.ResourceKind;

/** xe's VM commands over the VM API; every one acts on the VMs its selectors (or {@code vm=}) pick. */
final class XeVmVerbs {
    private XeVmVerbs() {
    }

    static void register(Map<String, XeVerb> verbs) {
        verbs.put("vm-start", XeVmVerbs::start);
        verbs.put("vm-shutdown", call -> power(call, call.force ? "hard-shutdown" : "clean-shutdown"));
        verbs.put("vm-reboot", call -> power(call, call.force ? "hard-reboot" : "clean-reboot"));
        verbs.put("vm-suspend", call -> power(call, "suspend"));
        verbs.put("vm-resume", call -> power(call, "resume"));
        verbs.put("vm-pause", call -> power(call, "pause"));
        verbs.put("vm-unpause", call -> power(call, "unpause"));
        verbs.put("vm-migrate", XeVmVerbs::migrate);
        verbs.put("vm-clone", call -> make(call, "clone"));
        verbs.put("vm-copy", call -> make(call, "copy"));
        verbs.put("vm-snapshot", call -> make(call, "snapshot"));
        verbs.put("vm-install", XeVmVerbs::install);
        verbs.put("vm-uninstall", XeVmVerbs::destroy);
        verbs.put("vm-destroy", XeVmVerbs::destroy);
        verbs.put("snapshot-revert", XeVmVerbs::revert);
        verbs.put("vm-vif-list", XeVmVerbs::vifs);
    }

    private static void start(XeCall call) {
        String on = call.arg("on", null);
        for (JsonNode vm : call.targets(XeClass.VM, Set.of("on", "paused"))) {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("paused", "true".equals(call.arg("paused", "false"))));
            if (on != null) {
                body.put("host", call.resolver().id(ResourceKind.HOST, on));
            }
            call.finish(call.api().post("/vms/" + vm.path("id").asText() + (on == null ? "/start" : "/start-on"), body));
        }
    }

    private static void power(XeCall call, String action) {
        for (JsonNode vm : call.targets(XeClass.VM, Set.of())) {
            call.finish(call.api().post("/vms/" + vm.path("id").asText() + "/" + action, null));
        }
    }

    private static void migrate(XeCall call) {
        String host = call.resolver().id(ResourceKind.HOST, call.arg("host"));
        for (JsonNode vm : call.targets(XeClass.VM, Set.of("host", "live"))) {
            call.finish(call.api().post("/vms/" + vm.path("id").asText() + "/migrate", Map.of("host", host)));
        }
    }

    private static void make(XeCall call, String action) {
        String name = call.arg("new-name-label");
        for (JsonNode vm : call.targets(XeClass.VM, Set.of("new-name-label"))) {
            JsonNode made = call.finish(call.api().post("/vms/" + vm.path("id").asText() + "/" + action, Map.of("name", name)));
            call.out().println(made.path("id").asText());
        }
    }

    private static void install(XeCall call) {
        String template = call.resolver().id(ResourceKind.TEMPLATE, call.arg("template"));
        JsonNode made = call.api().post("/vms", Map.of("template", template, "name", call.arg("new-name-label"))).body();
        call.out().println(made.path("id").asText());
    }

    /** {@code vm-uninstall} and {@code vm-destroy}: the VM and its VBDs and VIFs; its VDIs stay (as XenAPI's VM.destroy). */
    private static void destroy(XeCall call) {
        for (JsonNode vm : call.targets(XeClass.VM, Set.of())) {
            String id = vm.path("id").asText();
            if (call.force && !"halted".equals(vm.path("powerState").asText())) {
                call.finish(call.api().post("/vms/" + id + "/hard-shutdown", null));
            }
            call.finish(call.api().delete("/vms/" + id));
        }
    }

    private static void revert(XeCall call) {
        JsonNode snapshot = call.resolver().find(ResourceKind.TEMPLATE, call.arg("snapshot-uuid"));
        call.finish(call.api().post("/vms/" + snapshot.path("snapshotOf").asText() + "/revert",
                Map.of("snapshot", snapshot.path("id").asText())));
    }

    private static void vifs(XeCall call) {
        for (JsonNode vm : call.targets(XeClass.VM, Set.of())) {
            var vifs = call.resolver().list(ResourceKind.VIF, "?vm=" + vm.path("id").asText());
            XeFormat.records(vifs, XeClass.VIF.params.stream().filter(p -> XeClass.VIF.listed.contains(p.name())).toList())
                    .forEach(call.out()::println);
        }
    }
}
