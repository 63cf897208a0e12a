package org.xenplane.monitoring.model;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Ingestion and consolidation for 64 hosts x 1000 VMs x 10 data sources every 5 s (128,000
 * samples/s), as the monitoring service does it (ObjectArchive per object, every level updated per
 * point), plus writing each archive's image once per flush interval. Not a test: run with
 * {@code bench/monitoring}. Prints CPU used per 5 s of samples, and the heap the archives hold.
 */
public final class IngestionBench {
    public static void main(String[] args) {
        int hosts = Integer.getInteger("hosts", 64);
        int vms = Integer.getInteger("vms", 1000);
        int sources = 10;
        int rounds = Integer.getInteger("rounds", 36);
        boolean minMax = Boolean.getBoolean("minmax");
        ArchiveLayout layout = ArchiveLayout.xcp(minMax ? Set.of(Consolidation.MIN, Consolidation.MAX) : Set.of());
        int objects = hosts * (vms + 1);
        ObjectArchive[] archives = new ObjectArchive[objects];
        for (int i = 0; i < objects; i++) {
            archives[i] = new ObjectArchive(layout);
        }
        String[] names = {"cpu0", "cpu1", "cpu_usage", "memory", "memory_target", "memory_internal_free",
                "vif_0_rx", "vif_0_tx", "vbd_xvda_read", "vbd_xvda_write"};
        var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long t0 = 1_700_006_400L;
        // warm-up: one minute of samples
        double ingestSeconds = 0;
        double flushSeconds = 0;
        long samples = 0;
        for (int r = 0; r < rounds + 12; r++) {
            long beforeCpu = cpu.getProcessCpuTime();
            for (int i = 0; i < objects; i++) {
                Map<String, Double> values = new LinkedHashMap<>();
                for (int d = 0; d < sources; d++) {
                    values.put(names[d], (double) ((i + r + d) % 100));
                }
                archives[i].add(t0 + 5L * (r + 1), values);
            }
            long afterIngest = cpu.getProcessCpuTime();
            // write-behind: every archive's image once per 30 s flush, spread over the rounds
            for (int i = r % 6; i < objects; i += 6) {
                archives[i].encode();
            }
            if (r >= 12) {
                ingestSeconds += (afterIngest - beforeCpu) / 1e9;
                flushSeconds += (cpu.getProcessCpuTime() - afterIngest) / 1e9;
                samples += (long) objects * sources;
            }
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        java.lang.ref.Reference.reachabilityFence(archives);
        double perRound = (ingestSeconds + flushSeconds) / rounds;
        System.out.printf("objects=%d data-sources=%d functions=%s rounds=%d%n", objects, sources, minMax ? "AVERAGE,MIN,MAX" : "AVERAGE", rounds);
        System.out.printf("samples/s (at 5 s) = %.0f%n", samples / (rounds * 5.0));
        System.out.printf("CPU per 5 s round = %.3f s -> %.3f cores%n", perRound, perRound / 5.0);
        System.out.printf("  of which consolidation %.3f s, encoding for the database %.3f s%n", ingestSeconds / rounds, flushSeconds / rounds);
        System.out.printf("heap after GC = %d MiB (%.1f KiB per object)%n", heap >> 20, heap / 1024.0 / objects);
    }
}
