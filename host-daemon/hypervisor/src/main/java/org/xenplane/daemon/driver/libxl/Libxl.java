package org.xenplane.daemon.driver.libxl;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The functions of libxenlight (Xen 4.17, {@code libxl.h}) that Xenplane calls, by their C names.
 * Structs are opaque buffers: their content goes in and out as libxl's own JSON
 * ({@code *_from_json}, {@code *_to_json}), so no C struct is mirrored here. A {@code uint32_t}
 * domid is an {@code int}; a {@code char *} that the caller frees is a {@link Pointer} (see
 * {@link LibxlCalls#takeString}). Every {@code ao_how} is NULL: the calls are synchronous.
 */
public interface Libxl extends Library {
    int libxl_ctx_alloc(PointerByReference pctx, int version, int flags, XtlLogger logger);

    int libxl_ctx_free(LibxlCtx ctx);

    /** How libxl reaps the children it forks (hotplug scripts, the save helper); {@code hooks} must outlive the context. */
    void libxl_childproc_setmode(LibxlCtx ctx, Pointer hooks, Pointer user);

    String libxl_error_to_string(int error);

    void libxl_domain_config_init(Pointer dConfig);

    void libxl_domain_config_dispose(Pointer dConfig);

    int libxl_domain_config_from_json(LibxlCtx ctx, Pointer dConfig, String json);

    Pointer libxl_domain_config_to_json(LibxlCtx ctx, Pointer dConfig);

    /** How much free memory (KiB) building this domain takes; partially defaults the config, as xl's create does. */
    int libxl_domain_need_memory(LibxlCtx ctx, Pointer dConfig, int domidForLogging, LongByReference needMemkb);

    int libxl_get_free_memory(LibxlCtx ctx, LongByReference memkb);

    int libxl_domain_create_new(LibxlCtx ctx, Pointer dConfig, IntByReference domid, Pointer aoHow,
                                Pointer aopConsoleHow);

    int libxl_domain_create_restore(LibxlCtx ctx, Pointer dConfig, IntByReference domid, int restoreFd,
                                    int sendBackFd, Pointer params, Pointer aoHow, Pointer aopConsoleHow);

    void libxl_domain_restore_params_init(Pointer params);

    void libxl_domain_restore_params_dispose(Pointer params);

    int libxl_domain_restore_params_from_json(LibxlCtx ctx, Pointer params, String json);

    int libxl_domain_pause(LibxlCtx ctx, int domid, Pointer aoHow);

    int libxl_domain_unpause(LibxlCtx ctx, int domid, Pointer aoHow);

    int libxl_domain_shutdown(LibxlCtx ctx, int domid, Pointer aoHow);

    int libxl_domain_reboot(LibxlCtx ctx, int domid, Pointer aoHow);

    int libxl_domain_destroy(LibxlCtx ctx, int domid, Pointer aoHow);

    int libxl_domain_suspend(LibxlCtx ctx, int domid, int fd, int flags, Pointer aoHow);

    int libxl_domain_resume(LibxlCtx ctx, int domid, int suspendCancel, Pointer aoHow);

    Pointer libxl_list_domain(LibxlCtx ctx, IntByReference nbDomainOut);

    void libxl_dominfo_list_free(Pointer list, int nbDomain);

    void libxl_dominfo_init(Pointer info);

    Pointer libxl_dominfo_to_json(LibxlCtx ctx, Pointer info);

    int libxl_set_memory_target(LibxlCtx ctx, int domid, long targetMemkb, int relative, int enforce);

    void libxl_bitmap_init(Pointer map);

    void libxl_bitmap_dispose(Pointer map);

    int libxl_bitmap_alloc(LibxlCtx ctx, Pointer map, int nBits);

    void libxl_bitmap_set(Pointer map, int bit);

    int libxl_set_vcpuonline(LibxlCtx ctx, int domid, Pointer cpumap, Pointer aoHow);

    void libxl_physinfo_init(Pointer physinfo);

    void libxl_physinfo_dispose(Pointer physinfo);

    int libxl_get_physinfo(LibxlCtx ctx, Pointer physinfo);

    Pointer libxl_physinfo_to_json(LibxlCtx ctx, Pointer physinfo);

    int libxl_evenable_domain_death(LibxlCtx ctx, int domid, long user, PointerByReference evgenOut);

    void libxl_evdisable_domain_death(LibxlCtx ctx, Pointer evgen);

    int libxl_event_wait(LibxlCtx ctx, PointerByReference eventOut, NativeLong typemask, Pointer predicate,
                         Pointer predicateUser);

    void libxl_event_free(LibxlCtx ctx, Pointer event);

    Pointer libxl_event_to_json(LibxlCtx ctx, Pointer event);

    void libxl_device_disk_init(Pointer disk);

    void libxl_device_disk_dispose(Pointer disk);

    int libxl_device_disk_from_json(LibxlCtx ctx, Pointer disk, String json);

    Pointer libxl_device_disk_to_json(LibxlCtx ctx, Pointer disk);

    int libxl_device_disk_add(LibxlCtx ctx, int domid, Pointer disk, Pointer aoHow);

    int libxl_device_disk_remove(LibxlCtx ctx, int domid, Pointer disk, Pointer aoHow);

    int libxl_cdrom_insert(LibxlCtx ctx, int domid, Pointer disk, Pointer aoHow);

    /** An array of {@code libxl_device_disk} ({@link LibxlAbi#DISK_SIZE} apart), or NULL when there is none. */
    Pointer libxl_device_disk_list(LibxlCtx ctx, int domid, IntByReference num);

    void libxl_device_disk_list_free(Pointer list, int num);

    int libxl_vdev_to_device_disk(LibxlCtx ctx, int domid, String vdev, Pointer disk);

    void libxl_device_nic_init(Pointer nic);

    void libxl_device_nic_dispose(Pointer nic);

    int libxl_device_nic_from_json(LibxlCtx ctx, Pointer nic, String json);

    Pointer libxl_device_nic_to_json(LibxlCtx ctx, Pointer nic);

    int libxl_device_nic_add(LibxlCtx ctx, int domid, Pointer nic, Pointer aoHow);

    int libxl_device_nic_remove(LibxlCtx ctx, int domid, Pointer nic, Pointer aoHow);

    /** An array of {@code libxl_device_nic} ({@link LibxlAbi#NIC_SIZE} apart), or NULL when there is none. */
    Pointer libxl_device_nic_list(LibxlCtx ctx, int domid, IntByReference num);

    void libxl_device_nic_list_free(Pointer list, int num);

    int libxl_mac_to_device_nic(LibxlCtx ctx, int domid, String mac, Pointer nic);

    /**
     * {@code libxl_sigchld_owner_libxl_always_selective_reap}: libxl reaps only its own children.
     * The default ({@code libxl_sigchld_owner_libxl}) reaps every child of the process while libxl
     * has one, which would steal the exit status of the JVM's own processes (qemu-img, ip, ...).
     */
    int SIGCHLD_OWNER_LIBXL_ALWAYS_SELECTIVE_REAP = 3;

    /** {@code INVALID_DOMID} ({@code ~0}): no domain yet, for libxl's log lines. */
    int INVALID_DOMID = -1;
    /** {@code LIBXL_SUSPEND_LIVE}: save while the guest runs (migration). */
    int LIBXL_SUSPEND_LIVE = 2;
    /** {@code LIBXL_EVENTMASK_ALL}. */
    NativeLong LIBXL_EVENTMASK_ALL = new NativeLong(-1L);
}
