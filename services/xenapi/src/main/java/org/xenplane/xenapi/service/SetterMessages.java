package org.xenplane.xenapi.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The setters of every {@link Setters.Settable} class, each one {@code PATCH} of its REST resource
 * with the caller's token, authorized by that endpoint's declaration ({@code vm.update}, ...).
 * {@code add_to_}/{@code remove_from_} read the field and write it whole: XAPI's
 * MAP_DUPLICATE_KEY for a key already there, nothing for a key that is not.
 */
@ApplicationScoped
public class SetterMessages implements Message.Source {
    private final ClassReaders readers;
    private final RestApi api;
    private final Tasks tasks;

    public SetterMessages(ClassReaders readers, RestApi api, Tasks tasks) {
        this.readers = readers;
        this.api = api;
        this.tasks = tasks;
    }

    @Override
    public List<Message> messages() {
        List<Message> m = new ArrayList<>();
        for (ClassReader r : readers.all()) {
            r.settable().ifPresent(settable -> {
                Setters setters = new Setters();
                settable.setters(setters);
                String prefix = r.xenClass().name() + ".";
                String op = settable.updateOperation();
                for (Setters.Spec spec : setters.specs) {
                    List<String> params = new ArrayList<>(List.of("self"));
                    params.addAll(spec.parameters());
                    m.add(new Message(prefix + spec.message(), params, op,
                            (s, a) -> patch(s, r, a.get(0), spec.body().apply(a.subList(1, a.size())))));
                }
                for (Setters.Edit edit : setters.edits) {
                    List<String> params = edit.kind() == Setters.Edit.Kind.MAP_ADD ? List.of("self", "key", "value")
                            : List.of("self", edit.parameter());
                    m.add(new Message(prefix + edit.message(), params, op, (s, a) -> patch(s, r, a.get(0), edited(s, r, edit, a))));
                }
            });
        }
        return m;
    }

    private Map<String, Object> edited(Session s, ClassReader r, Setters.Edit edit, List<Object> a) {
        JsonNode view = r.get(s, a.get(0));
        JsonNode current = view.path(edit.restField());
        String item = Setters.string(edit.parameter(), a.get(1));
        switch (edit.kind()) {
            case MAP_ADD, MAP_REMOVE -> {
                Map<String, Object> map = new LinkedHashMap<>(XenValues.stringMap(current));
                if (edit.kind() == Setters.Edit.Kind.MAP_ADD) {
                    if (map.containsKey(item)) {
                        throw new org.xenplane.xenapi.wire.XenApiFailure("MAP_DUPLICATE_KEY", r.xenClass().name(), edit.xenField(),
                                view.path("id").asText(), item);
                    }
                    map.put(item, Setters.string("value", a.get(2)));
                } else {
                    map.remove(item);
                }
                return Setters.single(edit.restField(), map);
            }
            default -> {
                List<Object> set = new ArrayList<>(XenValues.strings(current));
                set.remove(item);
                if (edit.kind() == Setters.Edit.Kind.SET_ADD) {
                    set.add(item);
                }
                return Setters.single(edit.restField(), set);
            }
        }
    }

    private Object patch(Session s, ClassReader r, Object ref, Map<String, Object> body) {
        XenClass c = r.xenClass();
        String path = c.restPath();
        if (c.singleton()) {
            r.get(s, ref);
        } else {
            path += "/" + Refs.id(c.name(), ref);
        }
        RestApi.Answer answer = api.patch(s.token(), path, body);
        if (answer.status() == 202) {
            tasks.await(s, Tasks.of(answer));
        }
        return "";
    }
}
