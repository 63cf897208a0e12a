package org.xenplane.daemon.driver;

/**
 * One host's hypervisor, as the daemon uses it: small interfaces composed. The simulator and the
 * libxl driver implement it, and one contract test suite runs against each.
 */
public interface HypervisorDriver extends HostInfo, DomainLifecycle, DomainControl, DomainDevices, DomainImages, DomainEvents,
        DomainAdoption,
        Statistics,
        AutoCloseable {

    /** {@code simulator} or {@code libxl}. */
    String id();

    /** Releases the driver's resources (the libxl context, the simulator's timers). */
    @Override
    default void close() {
    }
}
