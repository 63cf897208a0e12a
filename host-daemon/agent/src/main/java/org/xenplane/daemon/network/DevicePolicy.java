package org.xenplane.daemon.network;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of a host's devices are NICs (PIF devices) and which must never be touched.
 *
 * <p>A device is physical when it sits on a bus (a PCI or virtio NIC) or, when
 * {@code physicalPattern} is set, when its name matches it (test namespaces use veths as NICs).
 * A device is the management interface when it carries a default route: it is never bonded or
 * readdressed, but it may become the uplink of its network's bridge, which then carries its
 * addresses (see {@link ManagementDevices}). A device listed in {@code protectedDevices} is reported
 * as management too, and is never enslaved at all.
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

    /** Never enslaved, bonded or readdressed: the administrator said so. */
    public boolean isProtected(String name) {
        return protectedDevices.contains(name);
    }

    /** Where the walk to the management devices starts: the devices routed at start, and the protected ones. */
    public Set<String> managementSeeds(Set<String> routedAtStart) {
        Set<String> seeds = new HashSet<>(routedAtStart);
        seeds.addAll(protectedDevices);
        return seeds;
    }
}
