package org.xenplane.xenapi.service;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One {@link ClassReader} per declared XenAPI class, found by its name in any case ({@code VM}, {@code vm}: events spell it lower). */
@ApplicationScoped
public class ClassReaders {
    private final Map<String, ClassReader> byName = new TreeMap<>();

    public ClassReaders(@All java.util.List<XenClass.Declaration> declarations, RestApi api) {
        for (XenClass.Declaration d : declarations) {
            ClassReader reader = new ClassReader(d, api);
            byName.put(reader.xenClass().name().toLowerCase(Locale.ROOT), reader);
        }
    }

    public Collection<ClassReader> all() {
        return byName.values();
    }

    public Optional<ClassReader> find(String xenClass) {
        return Optional.ofNullable(byName.get(xenClass.toLowerCase(Locale.ROOT)));
    }
}
