package org.xenplane.daemon.driver.libxl;

/**
 * The sizes of the libxl structs the driver allocates as opaque buffers, for Xen 4.17
 * ({@code libxenlight.so.4.17}; measured with {@code sizeof}). Buffers are allocated larger than
 * needed; only the stride of the {@code libxl_dominfo} array that {@code libxl_list_domain}
 * returns must be exact.
 */
final class LibxlAbi {
    static final String LIBRARY = "libxenlight.so.4.17";
    static final String TOOLLOG_LIBRARY = "libxentoollog.so.1";
    static final long DOMAIN_CONFIG_SIZE = 1288;
    static final long DOMINFO_SIZE = 120;
    /** The strides of the arrays {@code libxl_device_disk_list} and {@code libxl_device_nic_list} return. */
    static final long DISK_SIZE = 144;
    static final long NIC_SIZE = 504;
    /** {@code libxl_childproc_hooks}: an enum and two function pointers. */
    static final long CHILDPROC_HOOKS_SIZE = 24;
    static final long PHYSINFO_SIZE = 128;
    static final long RESTORE_PARAMS_SIZE = 24;
    static final long BITMAP_SIZE = 16;
    /** Room for any of the above. */
    static final long SPARE = 4096;
    static final long PAGE_SIZE = 4096;

    private LibxlAbi() {
    }
}
