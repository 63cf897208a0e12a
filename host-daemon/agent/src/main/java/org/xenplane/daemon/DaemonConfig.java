package org.xenplane.daemon;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The daemon's settings, {@code xenplane.daemon.*} (env {@code XENPLANE_DAEMON_*}). */
@ConfigMapping(prefix = "xenplane.daemon")
public interface DaemonConfig {

    /** Base URL of the control plane (the all-in-one server on this machine by default). */
    @WithDefault("http://127.0.0.1:8080")
    String controlPlaneUrl();

    /** Join tokens, one per host: host i joins with token i. Secrets: never logged. */
    Optional<List<String>> joinTokens();

    /** Where each host's identity (id and credentials) is kept, one 0600 file per host. */
    @WithDefault("/var/lib/xenplane-daemon")
    Path stateDir();

    /** The hypervisor driver: {@code simulator}, or {@code libxl} in a Xen dom0. */
    @WithDefault("simulator")
    String driver();

    /** The base URL the control plane uses to reach this daemon. */
    @WithDefault("http://127.0.0.1:${quarkus.http.port}")
    String advertiseUrl();

    /** How often each joined host sends a heartbeat. */
    @WithDefault("3s")
    Duration heartbeatInterval();

    /** How often each host reports its domains to the control plane when nothing changes. */
    @WithDefault("10s")
    Duration domainReportInterval();

    /** How long a change of a host's domains waits for others before they are reported together. */
    @WithDefault("1s")
    Duration domainReportSettle();

    /** With the libxl driver: the host's name and local key (default: this machine's hostname). */
    Optional<String> hostName();

    Simulator simulator();

    Ha ha();

    /** High availability on the host: leases, self-fencing and the watchdog ({@code xenplane.daemon.ha.*}). */
    interface Ha {
        /**
         * The watchdog armed while HA is on: {@code auto} (the Linux one with libxl, the simulated
         * one with the simulator), {@code linux} ({@link #watchdogDevice()}), {@code simulated}
         * (a child process that kills the daemon and powers its simulated host off), or {@code none}.
         */
        @WithDefault("auto")
        String watchdog();

        /** How long the watchdog waits for a pet before it resets the host; below the control plane's 5 s safety margin. */
        @WithDefault("3s")
        Duration watchdogTimeout();

        /** The Linux watchdog device (dom0's {@code xen_wdt}). */
        @WithDefault("/dev/watchdog")
        Path watchdogDevice();

        /** The longest a host waits for a peer's status when its lease is ending (at most half the lead time is used). */
        @WithDefault("1s")
        Duration peerTimeout();
    }

    Storage storage();

    /** The storage drivers ({@code xenplane.daemon.storage.*}). */
    interface Storage {
        /**
         * Directories under which {@code file} SRs may live, besides the local SR root; a path elsewhere,
         * or in a system directory ({@code /etc}, {@code /usr}, ... see {@code FileSrRoots}), is refused.
         */
        @WithDefault("/var/lib/xenplane/sr")
        List<Path> allowedFileRoots();

        /**
         * Whether each host offers local storage: a {@code file} SR in {@code <local-sr-root>/<host key>},
         * which the control plane creates and plugs once, when the host has joined ("Local storage on <host>").
         */
        @WithDefault("true")
        boolean localSr();

        /**
         * The directory under which each host's local SR lives; default {@code /var/lib/xenplane/sr} with
         * libxl, {@code <state-dir>/sr} with the simulator. Always allowed for file SRs, unless it is a system directory.
         */
        Optional<Path> localSrRoot();

        /** Where NFS exports are mounted: {@code <mount-root>/<local key>/<sr uuid>}. */
        @WithDefault("/run/xenplane/sr")
        Path mountRoot();

        /** Temporary files of imports and exports for SRs that are not file systems (lvm). */
        @WithDefault("${xenplane.daemon.state-dir}/storage-scratch")
        Path scratchDir();

        /** The longest a quick storage tool call (create, snapshot, mount) may take. */
        @WithDefault("10m")
        Duration commandTimeout();
    }

    Metrics metrics();

    /** Monitoring: the 5-second sampler, its push to the control plane and the Prometheus endpoint. */
    interface Metrics {
        /** How often every host and VM is sampled (XenServer: 5 s; shorter in tests). */
        @WithDefault("5s")
        Duration interval();

        /** Whether samples are pushed to the control plane (its RRD archives and alarms). */
        @WithDefault("true")
        boolean push();

        /** The bearer token Prometheus presents at {@code /metrics}; without one, {@code /metrics} refuses every call. Secret. */
        Optional<String> token();

        /** VMs per report: a host with more sends several reports for one sample. */
        @WithDefault("500")
        int vmsPerReport();
    }

    /** The simulator driver: one daemon process simulating {@code hosts} identical hosts. */
    interface Simulator {
        @WithDefault("1")
        int hosts();

        @WithDefault("16")
        int cpus();

        @WithDefault("65536")
        long memoryMib();

        /** Host i is named {@code <name-prefix>-i}; the name is its local key and its hostname. */
        @WithDefault("sim-host")
        String namePrefix();

        /** What dom0 and Xen keep of each host's memory (never free for guests). */
        @WithDefault("1024")
        long dom0MemoryMib();

        /** How long each operation takes, by operation ({@code create: 200ms, suspend: 2s}); absent: instant. */
        Map<String, Duration> latency();

        /** Whether simulated guests obey shutdown and reboot requests (false: only hard shutdown stops them). */
        @WithDefault("true")
        boolean guestsObey();

        /** How long an obeying guest takes to shut down or reboot. */
        @WithDefault("20ms")
        Duration guestReaction();

        /** How long a simulated host stays off when rebooted ({@code host.reboot}) before it is on again. */
        @WithDefault("5s")
        Duration rebootDelay();

        /** Seed of the simulated guests' load: host i uses seed + i, so a run is repeatable. */
        @WithDefault("1")
        long loadSeed();
    }
}
