package org.xenplane.cli.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CLI's configuration, {@code $XDG_CONFIG_HOME/xenplane/config} (default
 * {@code ~/.config/xenplane/config}): named contexts and the current one, as JSON. It holds
 * secrets, so it is written only with mode 0600 (a new file replaces the old atomically).
 */
public final class ConfigFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    /** Where the configuration lives, from the environment given (XDG_CONFIG_HOME, then HOME). */
    public static ConfigFile locate(Map<String, String> environment) {
        String xdg = environment.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return new ConfigFile(base.resolve("xenplane").resolve("config"));
    }

    public Path path() {
        return path;
    }

    public Contexts read() {
        if (!Files.exists(path)) {
            return new Contexts(null, new TreeMap<>());
        }
        try {
            Contexts read = JSON.readValue(path.toFile(), Contexts.class);
            return new Contexts(read.current(), new TreeMap<>(read.contexts() == null ? Map.of() : read.contexts()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public void write(Contexts contexts) {
        try {
            Files.createDirectories(path.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path temporary = Files.createTempFile(path.getParent(), "config", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            JSON.writeValue(temporary.toFile(), contexts);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** The file's content: the current context's name and every context by name. */
    public record Contexts(String current, Map<String, Context> contexts) {

        public Contexts with(String name, Context context) {
            Map<String, Context> all = new TreeMap<>(contexts);
            all.put(name, context);
            return new Contexts(name, all);
        }

        public Contexts without(String name) {
            Map<String, Context> all = new TreeMap<>(contexts);
            all.remove(name);
            return new Contexts(name.equals(current) ? null : current, all);
        }

        public Contexts using(String name) {
            return new Contexts(name, contexts);
        }
    }
}
