package org.xenplane.daemon.protocol;

/**
 * The memory a domain costs its host beyond its own: page tables, shadow memory, the device
 * model's video RAM and per-vCPU state. One formula shared by the control plane's admission
 * control and the simulator, so both agree on when a host is full (real Xen has its own figures,
 * which libxl checks when it builds the domain).
 */
public final class DomainOverhead {
    public static final long MIB = 1024L * 1024L;
    /** Fixed cost of any domain. */
    static final long BASE = MIB;
    /** Cost of each vCPU. */
    static final long PER_VCPU = MIB;
    /** Page tables and shadow memory: 1/128 of the guest's memory. */
    static final long SHADOW_DIVISOR = 128;
    /** Video RAM of the device model that hvm guests have. */
    static final long HVM_VIDEO = 8 * MIB;

    private DomainOverhead() {
    }

    public static long bytes(DomainType type, long memoryStaticMax, int vcpus) {
        long overhead = BASE + PER_VCPU * vcpus + ceilDiv(memoryStaticMax, SHADOW_DIVISOR);
        return type == DomainType.HVM ? overhead + HVM_VIDEO : overhead;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
