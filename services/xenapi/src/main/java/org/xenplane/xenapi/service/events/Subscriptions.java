package org.xenplane.xenapi.service.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.xenplane.xenapi.service.ClassReader;
import org.xenplane.xenapi.service.ClassReaders;
import org.xenplane.xenapi.wire.XenApiFailure;

/**
 * What an {@code event.from} or {@code event.register} caller follows, as XAPI parses it:
 * {@code *} (everything), a class ({@code vm}, any case) or one object ({@code vm/OpaqueRef:...}).
 * A class Xenplane does not serve selects nothing, as a class with no objects does in XAPI.
 */
public record Subscriptions(List<String> entries) {
    private static final int MAX = 1000;

    public Subscriptions {
        entries = List.copyOf(entries);
    }

    /** Parses XAPI's {@code string set}; FIELD_TYPE_ERROR if it is not one. */
    public static Subscriptions parse(Object classes) {
        if (!(classes instanceof List<?> list) || list.size() > MAX) {
            throw new XenApiFailure("FIELD_TYPE_ERROR", "classes");
        }
        List<String> entries = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw new XenApiFailure("FIELD_TYPE_ERROR", "classes");
            }
            entries.add(normal(s));
        }
        return new Subscriptions(entries);
    }

    private static String normal(String entry) {
        int slash = entry.indexOf('/');
        return slash < 0 ? entry.toLowerCase(Locale.ROOT) : entry.substring(0, slash).toLowerCase(Locale.ROOT) + entry.substring(slash);
    }

    public Subscriptions plus(Subscriptions more) {
        Set<String> all = new TreeSet<>(entries);
        all.addAll(more.entries);
        return new Subscriptions(List.copyOf(all));
    }

    public Subscriptions minus(Subscriptions fewer) {
        return new Subscriptions(entries.stream().filter(e -> !fewer.entries.contains(e)).toList());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether an event of {@code lcClass} (lower case) about {@code ref} is selected. */
    public boolean matches(String lcClass, String ref) {
        return entries.stream().anyMatch(e -> e.equals("*") || e.equals(lcClass) || e.equals(lcClass + "/" + ref));
    }

    public boolean selectsClass(String lcClass) {
        return entries.stream().anyMatch(e -> e.equals("*") || e.equals(lcClass) || e.startsWith(lcClass + "/"));
    }

    /** The served classes this selects, each as its reader. */
    public List<ClassReader> classes(ClassReaders readers) {
        return readers.all().stream().filter(r -> selectsClass(lc(r))).toList();
    }

    /** The REST event classes to ask for: the selected served classes, or every served class when none is selected. */
    public String restClasses(ClassReaders readers) {
        List<ClassReader> selected = classes(readers);
        return (selected.isEmpty() ? List.copyOf(readers.all()) : selected).stream().map(Subscriptions::lc)
                .collect(Collectors.joining(","));
    }

    public static String lc(ClassReader reader) {
        return reader.xenClass().name().toLowerCase(Locale.ROOT);
    }
}
