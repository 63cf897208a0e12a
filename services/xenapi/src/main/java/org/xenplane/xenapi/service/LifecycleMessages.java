package org.xenplane.xenapi.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * VM lifecycle and host operations beyond power (clone, copy, snapshot, destroy, suspend, resume,
 * start_on, pool_migrate; host enable, disable, evacuate) and their {@code Async.} forms, each one
 * call of the REST endpoint doing the same thing and authorized by its declaration.
 */
@ApplicationScoped
public class LifecycleMessages implements Message.Source {
    private static final Function<RestApi.Answer, Object> VOID = a -> "";
    private static final Function<RestApi.Answer, Object> NEW_VM = a -> Refs.of("VM", UUID.fromString(a.body().path("id").asText()));

    private final RestApi api;
    private final Tasks tasks;

    public LifecycleMessages(RestApi api, Tasks tasks) {
        this.api = api;
        this.tasks = tasks;
    }

    private interface Submit {
        RestApi.Answer call(Session s, List<Object> args);
    }

    @Override
    public List<Message> messages() {
        List<Message> m = new ArrayList<>();
        both(m, "VM.clone", List.of("vm", "new_name"), "vm.clone", (s, a) -> vm(s, a, "clone", newName(a)), NEW_VM);
        both(m, "VM.copy", List.of("vm", "new_name", "sr"), "vm.copy", (s, a) -> {
            if (!Refs.NULL.equals(a.get(2))) { // XAPI: NULL keeps each disk on its SR, the only copy Xenplane makes
                throw new XenApiFailure("VALUE_NOT_SUPPORTED", "sr", a.get(2), "Xenplane copies each disk onto its own SR: pass OpaqueRef:NULL");
            }
            return vm(s, a, "copy", newName(a));
        }, NEW_VM);
        both(m, "VM.snapshot", List.of("vm", "new_name"), "vm.snapshot", (s, a) -> vm(s, a, "snapshot", newName(a)), NEW_VM);
        both(m, "VM.destroy", List.of("self"), "vm.destroy",
                (s, a) -> api.delete(s.token(), "/api/v1/vms/" + Refs.id("VM", a.get(0))), VOID);
        both(m, "VM.suspend", List.of("vm"), "vm.suspend", (s, a) -> vm(s, a, "suspend", null), VOID);
        both(m, "VM.resume", List.of("vm", "start_paused", "force"), "vm.resume", (s, a) -> {
            bool(a, 2, "force");
            return vm(s, a, "resume", Map.of("paused", bool(a, 1, "start_paused")));
        }, VOID);
        both(m, "VM.start_on", List.of("vm", "host", "start_paused", "force"), "vm.start_on", (s, a) -> {
            bool(a, 3, "force");
            return vm(s, a, "start-on", Map.of("host", Refs.id("host", a.get(1)), "paused", bool(a, 2, "start_paused")));
        }, VOID);
        both(m, "VM.pool_migrate", List.of("vm", "host", "options"), "vm.pool_migrate", (s, a) -> {
            if (!(a.get(2) instanceof Map<?, ?>)) {
                throw new XenApiFailure("FIELD_TYPE_ERROR", "options");
            }
            return vm(s, a, "migrate", Map.of("host", Refs.id("host", a.get(1))));
        }, VOID);
        for (String op : List.of("enable", "disable", "evacuate")) {
            both(m, "host." + op, List.of("host"), "host." + op,
                    (s, a) -> api.post(s.token(), "/api/v1/hosts/" + Refs.id("host", a.get(0)) + "/" + op, null), VOID);
        }
        return m;
    }

    /** {@code <name>}, which waits for its task and answers {@code result}, and {@code Async.<name>}, which answers the task. */
    private void both(List<Message> m, String name, List<String> parameters, String operation, Submit submit,
                      Function<RestApi.Answer, Object> result) {
        m.add(new Message(name, parameters, operation, (s, a) -> {
            RestApi.Answer answer = submit.call(s, a);
            if (answer.task() != null || answer.status() == 202) {
                tasks.await(s, Tasks.of(answer));
            }
            return result.apply(answer);
        }));
        m.add(new Message("Async." + name, parameters, operation, (s, a) -> Tasks.ref(Tasks.of(submit.call(s, a)))));
    }

    private RestApi.Answer vm(Session s, List<Object> args, String action, Object body) {
        return api.post(s.token(), "/api/v1/vms/" + Refs.id("VM", args.get(0)) + "/" + action, body);
    }

    private static Map<String, Object> newName(List<Object> args) {
        return Map.of("name", Setters.string("new_name", args.get(1)));
    }

    private static boolean bool(List<Object> args, int index, String name) {
        if (args.get(index) instanceof Boolean b) {
            return b;
        }
        throw new XenApiFailure("FIELD_TYPE_ERROR", name);
    }
}
