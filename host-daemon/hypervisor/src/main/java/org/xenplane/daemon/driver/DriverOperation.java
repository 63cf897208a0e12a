package org.xenplane.daemon.driver;

import java.util.Locale;

/** The operations of a hypervisor driver, each named after the libxl function that does it. */
public enum DriverOperation {
    CREATE("libxl_domain_create_new"),
    DESTROY("libxl_domain_destroy"),
    PAUSE("libxl_domain_pause"),
    UNPAUSE("libxl_domain_unpause"),
    SHUTDOWN("libxl_domain_shutdown"),
    REBOOT("libxl_domain_reboot"),
    SUSPEND("libxl_domain_suspend"),
    RESTORE("libxl_domain_create_restore"),
    MIGRATE_SEND("libxl_domain_suspend"),
    MIGRATE_RECEIVE("libxl_domain_create_restore"),
    RESUME("libxl_domain_resume"),
    SET_MEMORY_TARGET("libxl_set_memory_target"),
    SET_VCPUS_ONLINE("libxl_set_vcpuonline"),
    ATTACH_DISK("libxl_device_disk_add"),
    DETACH_DISK("libxl_device_disk_remove"),
    ATTACH_NIC("libxl_device_nic_add"),
    DETACH_NIC("libxl_device_nic_remove"),
    CDROM_INSERT("libxl_cdrom_insert"),
    LIST("libxl_list_domain");

    private final String function;

    DriverOperation(String function) {
        this.function = function;
    }

    /** The libxl C function, used in error messages. */
    public String function() {
        return function;
    }

    /** The name in configuration, e.g. {@code set-memory-target}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DriverOperation fromConfigName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The failure of this operation with {@code error}. */
    public HypervisorException failure(XenError error, String detail) {
        return new HypervisorException(error, function, detail);
    }
}
