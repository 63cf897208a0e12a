package org.xenplane.xenapi.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read messages every class has, generated from its field table: {@code get_all},
 * {@code get_all_records}, {@code get_record}, {@code get_by_uuid}, {@code get_by_name_label}
 * (where the class has a name) and one {@code get_<field>} per field. All are authorized by the
 * class's read operation, the REST list's and get's own.
 */
@ApplicationScoped
public class ClassMessages implements Message.Source {
    private final ClassReaders readers;

    public ClassMessages(ClassReaders readers) {
        this.readers = readers;
    }

    @Override
    public List<Message> messages() {
        List<Message> messages = new ArrayList<>();
        for (ClassReader reader : readers.all()) {
            messages.addAll(of(reader));
        }
        return messages;
    }

    private List<Message> of(ClassReader r) {
        XenClass c = r.xenClass();
        String op = c.readOperation();
        String n = c.name() + ".";
        List<Message> m = new ArrayList<>();
        m.add(new Message(n + "get_all", List.of(), op, (s, a) -> r.list(s).stream().map(r::ref).toList()));
        m.add(new Message(n + "get_all_records", List.of(), op, (s, a) -> {
            Map<String, Object> all = new LinkedHashMap<>();
            r.list(s).forEach(v -> all.put(r.ref(v), c.record(v)));
            return all;
        }));
        m.add(new Message(n + "get_record", List.of("self"), op, (s, a) -> c.record(r.get(s, a.get(0)))));
        m.add(new Message(n + "get_by_uuid", List.of("uuid"), op, (s, a) -> r.ref(r.byUuid(s, a.get(0)))));
        if (c.nameField() != null) {
            m.add(new Message(n + "get_by_name_label", List.of("label"), op, (s, a) -> r.list(s).stream()
                    .filter(v -> v.path(c.nameField()).asText().equals(a.get(0))).map(r::ref).toList()));
        }
        for (String field : c.fields().keySet()) {
            m.add(new Message(n + "get_" + field, List.of("self"), op,
                    (s, a) -> c.fields().get(field).apply(r.get(s, a.get(0)))));
        }
        return m;
    }
}
