package org.xenplane.xenapi.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * The VM power operations and their {@code Async.} forms, each over the REST endpoint doing the
 * same thing and authorized by its declaration ({@code vm.start}, ...).
 */
@ApplicationScoped
public class VmPowerMessages implements Message.Source {
    private final RestApi api;
    private final Tasks tasks;

    public VmPowerMessages(RestApi api, Tasks tasks) {
        this.api = api;
        this.tasks = tasks;
    }

    @Override
    public List<Message> messages() {
        List<Message> m = new ArrayList<>();
        both(m, "start", List.of("vm", "start_paused", "force"), "vm.start",
                (s, a) -> {
                    bool(a, 2, "force"); // XAPI's override of its pre-boot checks; Xenplane has none to skip
                    return post(s, a, "start", Map.of("paused", bool(a, 1, "start_paused")));
                });
        for (String[] op : new String[][] {{"clean_shutdown", "clean-shutdown"}, {"hard_shutdown", "hard-shutdown"},
                {"clean_reboot", "clean-reboot"}, {"hard_reboot", "hard-reboot"}, {"pause", "pause"}, {"unpause", "unpause"}}) {
            both(m, op[0], List.of("vm"), "vm." + op[0], (s, a) -> post(s, a, op[1], null));
        }
        return m;
    }

    private interface Submit {
        UUID task(Session s, List<Object> args);
    }

    /** {@code VM.<name>}, which waits for its task, and {@code Async.VM.<name>}, which answers the task. */
    private void both(List<Message> m, String name, List<String> parameters, String operation, Submit submit) {
        m.add(new Message("VM." + name, parameters, operation, (s, a) -> tasks.await(s, submit.task(s, a))));
        m.add(new Message("Async.VM." + name, parameters, operation, (s, a) -> Tasks.ref(submit.task(s, a))));
    }

    private UUID post(Session s, List<Object> args, String action, Object body) {
        UUID vm = Refs.id("VM", args.get(0));
        return Tasks.of(api.post(s.token(), "/api/v1/vms/" + vm + "/" + action, body));
    }

    private static boolean bool(List<Object> args, int index, String name) {
        Object v = args.get(index);
        if (v instanceof Boolean b) {
            return b;
        }
        throw new XenApiFailure("FIELD_TYPE_ERROR", name);
    }
}
