package org.xenplane.daemon.network;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of a host's devices are NICs (PIF devices) and which must never be touched.
 *
 * <p>A device is physical when it sits on a bus (a PCI or virtio NIC) or, when
 * {@code physicalPattern} is set, when its name matches it (test namespaces use veths as NICs).
 * A device is the management interface, never enslaved, bonded or readdressed, when it carries a
 * default route or is listed in {@code protectedDevices}.
 */
public record DevicePolicy(Optional<Pattern> physicalPattern, Set<String> protectedDevices) {

    public static DevicePolicy defaults() {
        return new DevicePolicy(Optional.empty(), Set.of());
    }

    public boolean physical(String name, boolean onABus, boolean virtualKind) {
        if (virtualKind) {
            return false;
        }
        return onABus || physicalPattern.map(p -> p.matcher(name).matches()).orElse(false);
    }

    public boolean management(String name, boolean carriesDefaultRoute) {
        return carriesDefaultRoute || protectedDevices.contains(name);
    }
}
