package org.xenplane.daemon.network;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The network driver's settings, {@code xenplane.daemon.network.*} (env {@code XENPLANE_DAEMON_NETWORK_*}). */
@ConfigMapping(prefix = "xenplane.daemon.network")
public interface NetworkConfig {

    /**
     * {@code simulated} (in memory, the default: nothing on the machine is touched),
     * {@code linuxbridge} (iproute2) or {@code openvswitch} (ovs-vsctl).
     */
    @WithDefault("simulated")
    String driver();

    /**
     * The network namespace each host's interfaces live in, with {@code {host}} standing for the
     * local key (e.g. {@code xp-{host}}); empty: the daemon's own namespace (a real dom0). Required
     * for a real driver when one daemon simulates several hosts, so that they do not collide.
     */
    Optional<String> namespace();

    /** Create a host's namespace when it does not exist yet (never deleted by the daemon). */
    @WithDefault("false")
    boolean createNamespaces();

    /**
     * A regular expression for device names that count as NICs besides devices on a bus (PCI,
     * virtio), e.g. {@code nic[0-9]+} for veths that stand in for NICs in a test namespace.
     */
    Optional<String> physicalDevices();

    /** Devices never enslaved, bonded or readdressed, besides those carrying a default route. */
    Optional<List<String>> protectedDevices();

    /** Where DHCP clients keep their pid files and script. */
    @WithDefault("/run/xenplane-daemon")
    java.nio.file.Path runDir();

    /** The longest one ip or ovs-vsctl call may take. */
    @WithDefault("30s")
    Duration commandTimeout();

    Openvswitch openvswitch();

    Simulated simulated();

    /** The {@code openvswitch} driver. */
    interface Openvswitch {
        /** The OVSDB server, with {@code {host}} standing for the local key. */
        @WithDefault("unix:/var/run/openvswitch/db.sock")
        String db();

        /**
         * {@code system} (the kernel datapath), {@code netdev} (the userspace datapath, when the
         * openvswitch kernel module cannot be loaded) or {@code auto}: system when the module is loaded.
         */
        @WithDefault("auto")
        String datapathType();
    }

    /** The {@code simulated} driver. */
    interface Simulated {
        /** NICs of each simulated host: eth0 (the management interface) .. eth(n-1). */
        @WithDefault("4")
        int nics();
    }
}
