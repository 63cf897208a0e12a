package org.xenplane.daemon.protocol;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One 5-second sample of a host and of its VMs, pushed by the host's daemon to the control plane
 * ({@link DaemonProtocol#METRICS_REPORTS}). Data sources carry XenServer's names and units: ratios
 * for CPU ({@code cpu0}, {@code cpu_avg}, {@code cpu_usage}), KiB for host memory
 * ({@code memory_total_kib}), bytes for VM memory ({@code memory}, {@code memory_target}), KiB for
 * {@code memory_internal_free}, bytes per second for {@code vif_0_rx}, {@code vbd_xvda_read},
 * operations per second for {@code vbd_xvda_iops_total}. A host with many VMs sends several reports
 * with the same time, each with some of its VMs (and the host's own values in the first).
 *
 * @param hostId the host
 * @param time   when the sample was taken, in seconds since the epoch
 * @param host   the host's data sources (empty in the follow-up parts of a split sample)
 * @param vms    the VMs with a domain on the host (none while halted)
 */
public record MetricsReport(
        @NotNull UUID hostId,
        long time,
        @NotNull @Size(max = 1024) Map<@Size(max = 64) String, Double> host,
        @NotNull @Size(max = 2000) List<@Valid VmMetrics> vms) {

    /** One VM's data sources in a {@link MetricsReport}. */
    public record VmMetrics(@NotNull UUID vmId, @NotNull @Size(max = 1024) Map<@Size(max = 64) String, Double> values) {
    }
}
