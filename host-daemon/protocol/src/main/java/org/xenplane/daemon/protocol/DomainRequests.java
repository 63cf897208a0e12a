package org.xenplane.daemon.protocol;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the domain operations the control plane asks of a daemon. */
public final class DomainRequests {
    private DomainRequests() {
    }

    /** Create and build a domain (libxl_domain_create_new), left paused when asked. */
    public record Create(@NotNull @Valid DomainSpec spec, boolean paused) {
    }

    /** Restore a domain from the suspend image this host holds for it, left paused when asked. */
    public record Restore(@NotNull @Valid DomainSpec spec, boolean paused) {
    }

    /**
     * Ask the guest to shut down or reboot and wait for it: after {@code timeoutMillis} without the
     * guest obliging, the answer is {@code ERROR_GUEST_TIMEDOUT} and the domain is left running.
     */
    public record CleanShutdown(@Min(0) @Max(3_600_000) long timeoutMillis) {
    }

    /** Set the balloon target (libxl_set_memory_target). */
    public record MemoryTarget(@Min(1) long targetBytes) {
    }

    /** Set how many vCPUs are online (libxl_set_vcpuonline). */
    public record VcpusOnline(@Min(1) @Max(512) int online) {
    }

    /** Prepare to receive a migrating domain; answered with {@link IncomingMigration}. */
    public record PrepareIncoming(@NotNull @Valid DomainSpec spec) {
    }

    /** Where to receive it: the stream URL and the single-use ticket that authorises the sender. */
    public record IncomingMigration(@NotBlank String streamUrl, @NotBlank @Size(max = 200) String ticket) {
        @Override
        public String toString() {
            return "IncomingMigration[streamUrl=" + streamUrl + ", ticket=<hidden>]";
        }
    }

    /** Send the domain live to the destination that {@link IncomingMigration} describes. */
    public record MigrateOut(@NotBlank @Size(max = 2048) String streamUrl, @NotBlank @Size(max = 200) String ticket) {
        @Override
        public String toString() {
            return "MigrateOut[streamUrl=" + streamUrl + ", ticket=<hidden>]";
        }
    }

    /** Hot-plug a disk into the running domain. */
    public record PlugDisk(@NotNull @Valid DiskSpec disk) {
    }

    /** Put a medium into a CD drive; a medium without a path ejects. */
    public record ChangeMedium(@NotNull @Valid DiskSpec medium) {
    }

    /** Hot-plug a NIC into the running domain. */
    public record PlugNic(@NotNull @Valid NicSpec nic) {
    }
}
