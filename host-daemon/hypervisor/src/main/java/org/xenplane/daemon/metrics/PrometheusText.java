package org.xenplane.daemon.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xenplane.daemon.driver.stats.DomainCounters;
import org.xenplane.daemon.driver.stats.HostCounters;
import org.xenplane.daemon.driver.stats.NetCounters;

/**
 * Renders hosts' newest samples in the Prometheus text format (version 0.0.4), with Prometheus
 * names and base units: ratios for CPU, bytes for memory, {@code _total} counters for network and
 * disk (Prometheus derives the rates). Labels: {@code host} (the host's name), and for VMs
 * {@code vm_uuid}, {@code vm_name}, plus {@code cpu}, {@code vcpu}, {@code pif}, {@code vif} or
 * {@code vbd}.
 */
public final class PrometheusText {
    private final Map<String, Family> families = new LinkedHashMap<>();

    private record Family(String help, String type, List<String> lines) {
    }

    /** Adds one host's newest sample; a host without a sample yet adds nothing. */
    public PrometheusText add(String hostName, MetricsSampler.Sample sample) {
        if (sample == null) {
            return this;
        }
        String h = "host=\"" + escape(hostName) + "\"";
        HostCounters host = sample.reading().host();
        Map<String, Double> ds = sample.host();
        ds.forEach((name, v) -> {
            if (name.matches("cpu\\d+")) {
                gauge("xenplane_host_cpu_usage_ratio", "Share of time each physical CPU was busy", h + ",cpu=\"" + name.substring(3) + "\"", v);
            }
        });
        if (ds.containsKey("cpu_avg")) {
            gauge("xenplane_host_cpu_average_usage_ratio", "Share of time the host's CPUs were busy, on average", h, ds.get("cpu_avg"));
        }
        if (ds.containsKey("loadavg")) {
            gauge("xenplane_host_load_average", "One-minute load average of dom0", h, ds.get("loadavg"));
        }
        gauge("xenplane_host_memory_total_bytes", "Physical memory of the host", h, host.memoryTotal());
        gauge("xenplane_host_memory_free_bytes", "Memory free for guests", h, host.memoryFree());
        host.pifs().forEach((dev, n) -> {
            String l = h + ",pif=\"" + escape(dev) + "\"";
            counter("xenplane_host_network_receive_bytes_total", "Bytes received by a physical interface", l, n.rxBytes());
            counter("xenplane_host_network_transmit_bytes_total", "Bytes transmitted by a physical interface", l, n.txBytes());
        });
        Map<java.util.UUID, DomainCounters> counters = new LinkedHashMap<>();
        sample.reading().domains().forEach(d -> counters.put(d.vmId(), d));
        for (MetricsSampler.VmSample vm : sample.vms()) {
            addVm(h, vm, counters.get(vm.vmId()));
        }
        return this;
    }

    private void addVm(String h, MetricsSampler.VmSample vm, DomainCounters c) {
        String l = "vm_uuid=\"" + vm.vmId() + "\",vm_name=\"" + escape(vm.name()) + "\"," + h;
        vm.values().forEach((name, v) -> {
            if (name.matches("cpu\\d+")) {
                gauge("xenplane_vm_vcpu_usage_ratio", "Share of time each vCPU ran", l + ",vcpu=\"" + name.substring(3) + "\"", v);
            }
        });
        if (vm.values().containsKey("cpu_usage")) {
            gauge("xenplane_vm_cpu_usage_ratio", "Share of time the VM's vCPUs ran, on average", l, vm.values().get("cpu_usage"));
        }
        gauge("xenplane_vm_memory_bytes", "Memory the domain holds", l, c.memoryActual());
        gauge("xenplane_vm_memory_target_bytes", "The domain's balloon target", l, c.memoryTarget());
        if (c.memoryInternalFree() >= 0) {
            gauge("xenplane_vm_memory_internal_free_bytes", "Free memory inside the guest", l, c.memoryInternalFree());
        }
        for (int i = 0; i < c.vifs().size(); i++) {
            NetCounters n = c.vifs().get(i);
            String v = l + ",vif=\"" + i + "\"";
            counter("xenplane_vm_network_receive_bytes_total", "Bytes the guest received on a virtual interface", v, n.rxBytes());
            counter("xenplane_vm_network_transmit_bytes_total", "Bytes the guest transmitted on a virtual interface", v, n.txBytes());
        }
        c.vbds().forEach((dev, d) -> {
            String v = l + ",vbd=\"" + escape(dev) + "\"";
            counter("xenplane_vm_disk_read_bytes_total", "Bytes read from a virtual disk", v, d.readBytes());
            counter("xenplane_vm_disk_write_bytes_total", "Bytes written to a virtual disk", v, d.writeBytes());
            counter("xenplane_vm_disk_io_operations_total", "Read and write requests to a virtual disk", v,
                    d.readRequests() + d.writeRequests());
        });
    }

    private void gauge(String name, String help, String labels, double value) {
        families.computeIfAbsent(name, n -> new Family(help, "gauge", new ArrayList<>()))
                .lines().add(name + "{" + labels + "} " + format(value));
    }

    private void counter(String name, String help, String labels, double value) {
        families.computeIfAbsent(name, n -> new Family(help, "counter", new ArrayList<>()))
                .lines().add(name + "{" + labels + "} " + format(value));
    }

    /** The exposition: each family once, with its HELP and TYPE. */
    public String render() {
        StringBuilder out = new StringBuilder();
        families.forEach((name, f) -> {
            out.append("# HELP ").append(name).append(' ').append(f.help()).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(f.type()).append('\n');
            f.lines().forEach(line -> out.append(line).append('\n'));
        });
        return out.toString();
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
