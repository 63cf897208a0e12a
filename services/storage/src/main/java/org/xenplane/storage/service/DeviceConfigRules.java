package org.xenplane.storage.service;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.xenplane.core.error.ErrorCode;
import org.xenplane.core.error.XenplaneException;

/**
 * The control plane's check of an SR's type and device config, before any daemon is called
 * (each daemon checks again, with its host's own rules such as allowed directories).
 */
public final class DeviceConfigRules {
    private static final java.util.regex.Pattern SAFE_PATH = java.util.regex.Pattern.compile("/[A-Za-z0-9._/+@:=-]{0,1023}");

    private DeviceConfigRules() {
    }

    /** The SR types the daemons have drivers for, and whether each may be shared. */
    public enum Type {
        FILE(Set.of("path"), Set.of()),
        LVM(Set.of("device"), Set.of()),
        NFS(Set.of("server", "serverpath"), Set.of("nfsversion", "port"));

        final Set<String> required;
        final Set<String> optional;

        Type(Set<String> required, Set<String> optional) {
            this.required = required;
            this.optional = optional;
        }

        public static Type of(String type) {
            for (Type t : values()) {
                if (t.name().toLowerCase().equals(type)) {
                    return t;
                }
            }
            throw new XenplaneException(ErrorCode.SR_UNKNOWN_DRIVER, type.length() > 32 ? type.substring(0, 32) : type);
        }
    }

    public static Type check(String type, Map<String, String> config) {
        Type t = Type.of(type);
        for (String key : t.required) {
            if (config.get(key) == null || config.get(key).isBlank()) {
                throw invalid(key, "required");
            }
        }
        Set<String> unknown = new TreeSet<>(config.keySet());
        unknown.removeAll(t.required);
        unknown.removeAll(t.optional);
        if (!unknown.isEmpty()) {
            throw invalid(unknown.iterator().next(), "unknown key for a " + type + " SR");
        }
        for (String key : Set.of("path", "device", "serverpath")) {
            if (config.containsKey(key)) {
                absolutePath(key, config.get(key));
            }
        }
        if (t == Type.LVM && !config.get("device").startsWith("/dev/")) {
            throw invalid("device", "a block device under /dev");
        }
        return t;
    }

    private static void absolutePath(String key, String value) {
        if (!SAFE_PATH.matcher(value).matches() || !Path.of(value).normalize().toString().equals(value)
                || Path.of(value).getNameCount() == 0) {
            throw invalid(key, "an absolute, normalised path (no '..', '.' or '//') of letters, digits and ._/+@:=-");
        }
    }

    private static XenplaneException invalid(String key, String reason) {
        return new XenplaneException(ErrorCode.SR_DEVICE_CONFIG_INVALID, key.length() > 64 ? key.substring(0, 64) : key, reason);
    }
}
