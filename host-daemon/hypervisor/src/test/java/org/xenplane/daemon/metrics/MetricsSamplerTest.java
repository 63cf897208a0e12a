package org.xenplane.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenplane.daemon.driver.simulator.SimulatedHost;
import org.xenplane.daemon.driver.simulator.SimulatedLoad;
import org.xenplane.daemon.driver.simulator.SimulatorSettings;
import org.xenplane.daemon.driver.stats.Dom0Sysfs;
import org.xenplane.daemon.driver.stats.NetCounters;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainType;
import org.xenplane.daemon.protocol.NicSpec;

class MetricsSamplerTest {
    private static final long STEP = 5_000_000_000L;
    private static final UUID VM = UUID.fromString("0b9d2f4e-1111-4222-8333-444455556666");

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    private SimulatedHost host(long seed) {
        SimulatedHost host = new SimulatedHost(SimulatorSettings.host(4, 8192), "test");
        host.useLoad(new SimulatedLoad(seed, clock::get));
        return host;
    }

    private static DomainSpec spec(UUID vmId) {
        return new DomainSpec(vmId, "web-1", DomainType.PVH, 512L << 20, 512L << 20, 2, 2, "/boot/vmlinuz", null, null,
                null, Map.of(), List.of(new DiskSpec("xvda", "/var/lib/xen/web.img", "raw", false)),
                List.of(new NicSpec("00:16:3e:00:00:01", "xenbr0")));
    }

    private List<Map<String, Double>> vmSeries(long seed, int samples) {
        clock.set(1_000_000_000L);
        SimulatedHost host = host(seed);
        host.create(spec(VM), false);
        MetricsSampler sampler = new MetricsSampler(host);
        List<Map<String, Double>> series = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            series.add(sampler.sample(1000 + 5L * i).vms().get(0).values());
            clock.addAndGet(STEP);
        }
        return series;
    }

    @Test
    void sameSeedGivesTheSameSamplesAndAnotherSeedOthers() {
        assertThat(vmSeries(7, 6)).isEqualTo(vmSeries(7, 6));
        assertThat(vmSeries(7, 6)).isNotEqualTo(vmSeries(8, 6));
    }

    @Test
    void runningVmHasEveryXenServerDataSourceWithPlausibleValues() {
        Map<String, Double> ds = vmSeries(3, 2).get(1);
        assertThat(ds).containsKeys("cpu0", "cpu1", "cpu_usage", "memory", "memory_target", "memory_internal_free",
                "vif_0_rx", "vif_0_tx", "vbd_xvda_read", "vbd_xvda_write", "vbd_xvda_iops_total");
        assertThat(ds.get("cpu_usage")).isBetween(0.0, 1.0).isGreaterThan(0.0);
        assertThat(ds.get("memory")).isEqualTo((double) (512L << 20));
        assertThat(ds.get("memory_internal_free")).isBetween(0.0, 512.0 * 1024);
        assertThat(ds.get("vif_0_rx")).isPositive();
    }

    @Test
    void firstSampleHasOnlyGaugesAndHaltedVmHasNone() {
        SimulatedHost host = host(1);
        MetricsSampler sampler = new MetricsSampler(host);
        MetricsSampler.Sample empty = sampler.sample(1000);
        assertThat(empty.vms()).isEmpty();
        assertThat(empty.host()).containsKeys("memory_total_kib", "memory_free_kib").doesNotContainKey("cpu0");
        host.create(spec(VM), false);
        clock.addAndGet(STEP);
        assertThat(sampler.sample(1005).vms().get(0).values()).containsKey("memory").doesNotContainKey("cpu_usage");
        clock.addAndGet(STEP);
        assertThat(sampler.sample(1010).host()).containsKeys("cpu0", "cpu3", "cpu_avg", "loadavg", "pif_eth0_rx");
        host.destroy(VM);
        clock.addAndGet(STEP);
        assertThat(sampler.sample(1015).vms()).isEmpty();
    }

    @Test
    void pausedVmUsesNoCpuAndDoesNoIo() {
        SimulatedHost host = host(1);
        host.create(spec(VM), false);
        MetricsSampler sampler = new MetricsSampler(host);
        sampler.sample(1000);
        host.pause(VM);
        clock.addAndGet(STEP);
        Map<String, Double> ds = sampler.sample(1005).vms().get(0).values();
        assertThat(ds.get("cpu_usage")).isZero();
        assertThat(ds.get("vif_0_rx")).isZero();
        assertThat(ds.get("vbd_xvda_iops_total")).isZero();
    }

    @Test
    void prometheusTextNamesSeriesWithUnitsAndLabels() {
        SimulatedHost host = host(1);
        host.create(spec(VM), false);
        MetricsSampler sampler = new MetricsSampler(host);
        sampler.sample(1000);
        clock.addAndGet(STEP);
        String text = new PrometheusText().add("sim-host-1", sampler.sample(1005)).render();
        assertThat(text).contains("# TYPE xenplane_vm_cpu_usage_ratio gauge")
                .contains("xenplane_vm_cpu_usage_ratio{vm_uuid=\"" + VM + "\",vm_name=\"web-1\",host=\"sim-host-1\"} ")
                .contains("# TYPE xenplane_vm_network_receive_bytes_total counter")
                .contains("xenplane_vm_network_receive_bytes_total{vm_uuid=\"" + VM + "\",vm_name=\"web-1\",host=\"sim-host-1\",vif=\"0\"} ")
                .contains("xenplane_vm_disk_io_operations_total{", "vbd=\"xvda\"")
                .contains("xenplane_host_cpu_usage_ratio{host=\"sim-host-1\",cpu=\"3\"} ")
                .contains("xenplane_host_memory_free_bytes{host=\"sim-host-1\"} ");
        assertThat(text.lines().filter(l -> l.startsWith("# TYPE xenplane_vm_memory_bytes"))).hasSize(1);
    }

    @Test
    void dom0SysfsReadsLoadPhysicalInterfacesAndGuestViewOfVifs(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("proc"));
        Files.writeString(root.resolve("proc/loadavg"), "0.42 0.30 0.20 1/234 5678\n");
        write(root, "eth0", 100, 200, true);
        write(root, "xenbr0", 1, 2, false);
        write(root, "vif3.0", 1000, 50, false);
        Dom0Sysfs sysfs = new Dom0Sysfs(root);
        assertThat(sysfs.loadAverage()).isEqualTo(0.42);
        assertThat(sysfs.physicalInterfaces()).containsOnlyKeys("eth0").containsEntry("eth0", new NetCounters(100, 200));
        assertThat(sysfs.guestInterfaces(3)).containsExactly(new NetCounters(50, 1000));
        assertThat(sysfs.guestInterfaces(4)).isEmpty();
    }

    private static void write(Path root, String dev, long rx, long tx, boolean physical) throws Exception {
        Path stats = Files.createDirectories(root.resolve("sys/class/net/" + dev + "/statistics"));
        Files.writeString(stats.resolve("rx_bytes"), rx + "\n");
        Files.writeString(stats.resolve("tx_bytes"), tx + "\n");
        if (physical) {
            Files.createDirectories(root.resolve("sys/class/net/" + dev + "/device"));
        }
    }
}
