package org.xenplane.daemon.storage;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.xenplane.daemon.api.DaemonException;
import org.xenplane.daemon.protocol.WireError;

/** Checks of device config values shared by the drivers. */
final class DeviceConfigs {
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._/+@:=-]{0,1023}");

    private DeviceConfigs() {
    }

    static void onlyKeys(Map<String, String> config, Set<String> required, Set<String> optional) {
        for (String key : required) {
            if (!config.containsKey(key) || config.get(key).isBlank()) {
                throw invalid(key, "required");
            }
        }
        Set<String> unknown = new TreeSet<>(config.keySet());
        unknown.removeAll(required);
        unknown.removeAll(optional);
        if (!unknown.isEmpty()) {
            String key = unknown.iterator().next();
            throw invalid(key.length() > 64 ? key.substring(0, 64) : key, "unknown key; known: " + new TreeSet<>(union(required, optional)));
        }
    }

    /** An absolute, normalised path of safe characters: no {@code ..}, no {@code //}, not {@code /}. */
    static Path absolutePath(Map<String, String> config, String key) {
        String value = config.get(key);
        if (!SAFE_PATH.matcher(value).matches()) {
            throw invalid(key, "an absolute path of letters, digits and ._/+@:=- only");
        }
        try {
            Path path = Path.of(value);
            if (!path.isAbsolute() || !path.normalize().toString().equals(value) || path.getNameCount() == 0) {
                throw invalid(key, "an absolute, normalised path other than / (no '..', '.' or '//')");
            }
            return path;
        } catch (InvalidPathException e) {
            throw invalid(key, "not a path");
        }
    }

    static DaemonException invalid(String key, String reason) {
        return new DaemonException(WireError.SR_DEVICE_CONFIG_INVALID, Map.of("key", key, "reason", reason),
                "device config " + key + ": " + reason);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
