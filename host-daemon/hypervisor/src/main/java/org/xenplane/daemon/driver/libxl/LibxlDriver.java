package org.xenplane.daemon.driver.libxl;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.xenplane.daemon.driver.DomainListener;
import org.xenplane.daemon.driver.DriverOperation;
import org.xenplane.daemon.driver.HypervisorDriver;
import org.xenplane.daemon.driver.HypervisorException;
import org.xenplane.daemon.driver.XenError;
import org.xenplane.daemon.driver.stats.Dom0Sysfs;
import org.xenplane.daemon.driver.stats.DomainCounters;
import org.xenplane.daemon.driver.stats.HostCounters;
import org.xenplane.daemon.driver.stats.StatisticsReading;
import org.xenplane.daemon.protocol.DiskSpec;
import org.xenplane.daemon.protocol.DomainInfo;
import org.xenplane.daemon.protocol.DomainSpec;
import org.xenplane.daemon.protocol.DomainState;
import org.xenplane.daemon.protocol.HostFacts;
import org.xenplane.daemon.protocol.NicSpec;
import org.xenplane.daemon.protocol.ShutdownReason;

/**
 * Real Xen through libxenlight: the domain configuration goes in as libxl's JSON
 * ({@code libxl_domain_config_from_json}), domain state comes out as JSON
 * ({@code libxl_dominfo_to_json}), and every return code passes {@link LibxlCalls#check}. Like
 * xl, it creates domains paused and unpauses them unless asked not to.
 */
public final class LibxlDriver implements HypervisorDriver {
    private static final String RESTORE_PARAMS = "{\"stream_version\": 2}";
    private static final int MAX_VCPUS = 512;
    /** {@code libxl_childproc_hooks}: the owner (an enum), then two function pointers left NULL; lives as long as the class. */
    private static final Memory CHILDPROC_HOOKS = new Memory(LibxlAbi.CHILDPROC_HOOKS_SIZE);

    static {
        CHILDPROC_HOOKS.clear();
        CHILDPROC_HOOKS.setInt(0, Libxl.SIGCHLD_OWNER_LIBXL_ALWAYS_SELECTIVE_REAP);
    }

    private final Libxl libxl;
    private final LibC libc;
    private final LibxlCalls calls;
    private final LibxlCtx ctx;
    private final LibxlEvents events;
    private final FdStreams streams;
    private final String xenplaneVersion;
    private final Dom0Sysfs sysfs = new Dom0Sysfs(Path.of("/"));

    private LibxlDriver(LibxlLibraries libraries, LibxlCtx ctx, String xenplaneVersion) {
        this.libxl = libraries.libxl;
        this.libc = libraries.libc;
        this.calls = new LibxlCalls(libraries.libc);
        this.ctx = ctx;
        this.streams = new FdStreams(libraries.libc);
        this.events = new LibxlEvents(libxl, calls, ctx);
        this.xenplaneVersion = xenplaneVersion;
    }

    /**
     * Opens libxl on this dom0.
     *
     * @throws LibxlUnavailableException with one line saying what is missing: not a dom0, the
     *     library, or a context (xenstored not running)
     */
    public static LibxlDriver open(String xenplaneVersion) {
        LibxlLibraries.requireDom0();
        LibxlLibraries libraries = LibxlLibraries.load();
        XtlLogger logger = libraries.toolLog.xtl_createlogger_stdiostream(libraries.stderr(),
                XenToolLog.levelFromEnvironment(), XenToolLog.XTL_STDIOSTREAM_SHOW_DATE);
        PointerByReference ctx = new PointerByReference();
        int rc = libraries.libxl.libxl_ctx_alloc(ctx, 0, 0, logger);
        if (rc != 0) {
            libraries.toolLog.xtl_logger_destroy(logger);
            throw new LibxlUnavailableException("libxl_ctx_alloc failed with " + XenError.fromCode(rc).libxlName()
                    + ": is xenstored running in this dom0? (libxl's own message is above)");
        }
        LibxlCtx context = new LibxlCtx(ctx.getValue());
        libraries.libxl.libxl_childproc_setmode(context, CHILDPROC_HOOKS, null);
        return new LibxlDriver(libraries, context, xenplaneVersion);
    }

    @Override
    public String id() {
        return "libxl";
    }

    @Override
    public HostFacts facts() {
        try (NativeBuffer info = NativeBuffer.of(LibxlAbi.SPARE, libxl::libxl_physinfo_init, libxl::libxl_physinfo_dispose)) {
            LibxlCalls.check(libxl.libxl_get_physinfo(ctx, info.pointer()), "libxl_get_physinfo");
            JsonNode physinfo = DominfoJson.parse(calls.takeString(libxl.libxl_physinfo_to_json(ctx, info.pointer())));
            return new HostFacts(physinfo.path("nr_cpus").asInt(1),
                    physinfo.path("total_pages").asLong(0) * LibxlAbi.PAGE_SIZE,
                    physinfo.path("free_pages").asLong(0) * LibxlAbi.PAGE_SIZE,
                    Map.of("xen", "4.17", "xenplane", xenplaneVersion, "driver", id()));
        }
    }

    @Override
    public void addListener(DomainListener listener) {
        events.addListener(listener);
    }

    @Override
    public DomainInfo create(DomainSpec spec, boolean paused) {
        int domid;
        requireNew(spec, DriverOperation.CREATE);
        try (NativeBuffer config = config(spec)) {
            requireFreeMemory(config, DriverOperation.CREATE);
            IntByReference created = new IntByReference(-1);
            LibxlCalls.check(libxl.libxl_domain_create_new(ctx, config.pointer(), created, null, null),
                    DriverOperation.CREATE.function());
            domid = created.getValue();
        }
        return built(spec, domid, paused, DriverOperation.CREATE);
    }

    @Override
    public void destroy(UUID vmId) {
        find(vmId).ifPresent(d -> LibxlCalls.check(libxl.libxl_domain_destroy(ctx, d.domid(), null),
                DriverOperation.DESTROY.function()));
    }

    @Override
    public Optional<DomainInfo> find(UUID vmId) {
        return list().stream().filter(d -> d.vmId().equals(vmId)).findFirst();
    }

    @Override
    public List<DomainInfo> list() {
        List<DomainInfo> domains = new ArrayList<>();
        for (String json : dominfoJson()) {
            DomainInfo domain = DominfoJson.domain(json);
            if (domain != null) {
                domains.add(new DomainInfo(domain.vmId(), domain.domid(), domain.state(), domain.memoryActual(),
                        domain.memoryMax(), domain.vcpusOnline(), devices(domain.domid()), domain.startedAt()));
            }
        }
        return domains;
    }

    /** A domain that outlived the daemon that built it: its death is watched from now on, as if built here. */
    @Override
    public void watch(DomainInfo domain) {
        events.watch(domain.domid(), domain.vmId());
    }

    @Override
    public Optional<ShutdownReason> shutdownReason(UUID vmId) {
        for (String json : dominfoJson()) {
            DomainInfo domain = DominfoJson.domain(json);
            if (domain != null && domain.vmId().equals(vmId) && domain.state() == DomainState.SHUTDOWN) {
                return Optional.of(DominfoJson.dominfoShutdownReason(json));
            }
        }
        return Optional.empty();
    }

    /** {@code vbd:<vdev>} for each disk, {@code vif:<devid>:<mac>} for each NIC, and the console. */
    private List<String> devices(int domid) {
        List<String> devices = new ArrayList<>();
        IntByReference count = new IntByReference();
        Pointer disks = libxl.libxl_device_disk_list(ctx, domid, count);
        if (disks != null) {
            try {
                for (int i = 0; i < count.getValue(); i++) {
                    JsonNode disk = DominfoJson.parse(calls.takeString(
                            libxl.libxl_device_disk_to_json(ctx, disks.share(i * LibxlAbi.DISK_SIZE))));
                    devices.add("vbd:" + disk.path("vdev").asText());
                }
            } finally {
                libxl.libxl_device_disk_list_free(disks, count.getValue());
            }
        }
        Pointer nics = libxl.libxl_device_nic_list(ctx, domid, count);
        if (nics != null) {
            try {
                for (int i = 0; i < count.getValue(); i++) {
                    JsonNode nic = DominfoJson.parse(calls.takeString(
                            libxl.libxl_device_nic_to_json(ctx, nics.share(i * LibxlAbi.NIC_SIZE))));
                    devices.add("vif:" + nic.path("devid").asInt(0) + ":" + nic.path("mac").asText());
                }
            } finally {
                libxl.libxl_device_nic_list_free(nics, count.getValue());
            }
        }
        devices.add("console:0");
        return devices;
    }

    // ---- devices

    @Override
    public void attachDisk(UUID vmId, DiskSpec disk) {
        DomainInfo d = require(vmId, DriverOperation.ATTACH_DISK);
        if (d.devices().contains("vbd:" + disk.vdev())) {
            throw DriverOperation.ATTACH_DISK.failure(XenError.DEVICE_EXISTS, "the domain has a disk at " + disk.vdev());
        }
        try (NativeBuffer device = NativeBuffer.of(LibxlAbi.SPARE, libxl::libxl_device_disk_init,
                libxl::libxl_device_disk_dispose)) {
            LibxlCalls.check(libxl.libxl_device_disk_from_json(ctx, device.pointer(), DomainConfigJson.disk(disk)),
                    "libxl_device_disk_from_json");
            LibxlCalls.check(libxl.libxl_device_disk_add(ctx, d.domid(), device.pointer(), null),
                    DriverOperation.ATTACH_DISK.function());
        }
    }

    @Override
    public void detachDisk(UUID vmId, String vdev) {
        DomainInfo d = require(vmId, DriverOperation.DETACH_DISK);
        if (!d.devices().contains("vbd:" + vdev)) {
            throw DriverOperation.DETACH_DISK.failure(XenError.NOTFOUND, "no disk at " + vdev);
        }
        try (NativeBuffer device = NativeBuffer.of(LibxlAbi.SPARE, libxl::libxl_device_disk_init,
                libxl::libxl_device_disk_dispose)) {
            LibxlCalls.check(libxl.libxl_vdev_to_device_disk(ctx, d.domid(), vdev, device.pointer()),
                    "libxl_vdev_to_device_disk");
            LibxlCalls.check(libxl.libxl_device_disk_remove(ctx, d.domid(), device.pointer(), null),
                    DriverOperation.DETACH_DISK.function());
        }
    }

    @Override
    public void attachNic(UUID vmId, NicSpec nic) {
        DomainInfo d = require(vmId, DriverOperation.ATTACH_NIC);
        if (d.devices().stream().anyMatch(dev -> dev.startsWith("vif:") && dev.endsWith(":" + nic.mac()))) {
            throw DriverOperation.ATTACH_NIC.failure(XenError.DEVICE_EXISTS, "the domain has a NIC " + nic.mac());
        }
        try (NativeBuffer device = NativeBuffer.of(LibxlAbi.SPARE, libxl::libxl_device_nic_init,
                libxl::libxl_device_nic_dispose)) {
            LibxlCalls.check(libxl.libxl_device_nic_from_json(ctx, device.pointer(), DomainConfigJson.nic(nic)),
                    "libxl_device_nic_from_json");
            LibxlCalls.check(libxl.libxl_device_nic_add(ctx, d.domid(), device.pointer(), null),
                    DriverOperation.ATTACH_NIC.function());
        }
    }

    @Override
    public void detachNic(UUID vmId, String mac) {
        DomainInfo d = require(vmId, DriverOperation.DETACH_NIC);
        if (d.devices().stream().noneMatch(dev -> dev.startsWith("vif:") && dev.endsWith(":" + mac))) {
            throw DriverOperation.DETACH_NIC.failure(XenError.NOTFOUND, "no NIC " + mac);
        }
        try (NativeBuffer device = NativeBuffer.of(LibxlAbi.SPARE, libxl::libxl_device_nic_init,
                libxl::libxl_device_nic_dispose)) {
            LibxlCalls.check(libxl.libxl_mac_to_device_nic(ctx, d.domid(), mac, device.pointer()),
                    "libxl_mac_to_device_nic");
            LibxlCalls.check(libxl.libxl_device_nic_remove(ctx, d.domid(), device.pointer(), null),
                    DriverOperation.DETACH_NIC.function());
        }
    }

    @Override
    public StatisticsReading readStatistics() {
        HostFacts host = facts();
        long now = System.nanoTime();
        List<DomainCounters> domains = new ArrayList<>();
        for (String json : dominfoJson()) {
            DomainCounters domain = LibxlStatistics.domain(now, DominfoJson.parse(json), sysfs);
            if (domain != null) {
                domains.add(domain);
            }
        }
        // libxl has no per-CPU idle time (xenctrl's xc_getcpuinfo has): no cpuN for the host here
        return new StatisticsReading(new HostCounters(now, new long[0], host.memoryTotal(), host.memoryFree(),
                sysfs.loadAverage(), sysfs.physicalInterfaces()), domains);
    }

    private List<String> dominfoJson() {
        IntByReference count = new IntByReference();
        Pointer array = libxl.libxl_list_domain(ctx, count);
        if (array == null) {
            throw DriverOperation.LIST.failure(XenError.FAIL, "returned NULL");
        }
        try {
            List<String> infos = new ArrayList<>();
            for (int i = 0; i < count.getValue(); i++) {
                Pointer info = array.share(i * LibxlAbi.DOMINFO_SIZE);
                infos.add(calls.takeString(libxl.libxl_dominfo_to_json(ctx, info)));
            }
            return infos;
        } finally {
            libxl.libxl_dominfo_list_free(array, count.getValue());
        }
    }

    @Override
    public void pause(UUID vmId) {
        DomainInfo d = require(vmId, DriverOperation.PAUSE);
        if (d.state() != DomainState.PAUSED) {
            LibxlCalls.check(libxl.libxl_domain_pause(ctx, d.domid(), null), DriverOperation.PAUSE.function());
        }
    }

    @Override
    public void unpause(UUID vmId) {
        DomainInfo d = require(vmId, DriverOperation.UNPAUSE);
        if (d.state() == DomainState.PAUSED) {
            LibxlCalls.check(libxl.libxl_domain_unpause(ctx, d.domid(), null), DriverOperation.UNPAUSE.function());
        }
    }

    @Override
    public void requestShutdown(UUID vmId) {
        int domid = require(vmId, DriverOperation.SHUTDOWN).domid();
        LibxlCalls.check(libxl.libxl_domain_shutdown(ctx, domid, null), DriverOperation.SHUTDOWN.function());
    }

    @Override
    public void requestReboot(UUID vmId) {
        int domid = require(vmId, DriverOperation.REBOOT).domid();
        LibxlCalls.check(libxl.libxl_domain_reboot(ctx, domid, null), DriverOperation.REBOOT.function());
    }

    @Override
    public void setMemoryTarget(UUID vmId, long bytes) {
        DomainInfo d = require(vmId, DriverOperation.SET_MEMORY_TARGET);
        if (bytes > d.memoryMax()) {
            throw DriverOperation.SET_MEMORY_TARGET.failure(XenError.INVAL, "target above the domain's maximum");
        }
        // enforce 0: with 1, libxl lowers Xen's ceiling for the domain to the target, and the
        // domain's maximum (memoryMax) would follow the balloon down
        LibxlCalls.check(libxl.libxl_set_memory_target(ctx, d.domid(), bytes / 1024, 0, 0),
                DriverOperation.SET_MEMORY_TARGET.function());
    }

    @Override
    public void setVcpusOnline(UUID vmId, int online) {
        int domid = require(vmId, DriverOperation.SET_VCPUS_ONLINE).domid();
        try (NativeBuffer map = NativeBuffer.of(LibxlAbi.SPARE, libxl::libxl_bitmap_init, libxl::libxl_bitmap_dispose)) {
            LibxlCalls.check(libxl.libxl_bitmap_alloc(ctx, map.pointer(), MAX_VCPUS), "libxl_bitmap_alloc");
            for (int i = 0; i < online; i++) {
                libxl.libxl_bitmap_set(map.pointer(), i);
            }
            LibxlCalls.check(libxl.libxl_set_vcpuonline(ctx, domid, map.pointer(), null),
                    DriverOperation.SET_VCPUS_ONLINE.function());
        }
    }

    @Override
    public void suspend(UUID vmId, Path image) {
        int domid = require(vmId, DriverOperation.SUSPEND).domid();
        int fd = open(image, LibC.O_WRONLY | LibC.O_CREAT | LibC.O_TRUNC | LibC.O_CLOEXEC, DriverOperation.SUSPEND);
        try {
            LibxlCalls.check(libxl.libxl_domain_suspend(ctx, domid, fd, 0, null), DriverOperation.SUSPEND.function());
        } finally {
            streams.close(fd);
        }
        LibxlCalls.check(libxl.libxl_domain_destroy(ctx, domid, null), DriverOperation.DESTROY.function());
    }

    @Override
    public DomainInfo restore(DomainSpec spec, Path image, boolean paused) {
        int fd = open(image, LibC.O_RDONLY | LibC.O_CLOEXEC, DriverOperation.RESTORE);
        try {
            return built(spec, restoreFrom(spec, fd, DriverOperation.RESTORE), paused, DriverOperation.RESTORE);
        } finally {
            streams.close(fd);
        }
    }

    @Override
    public void sendMigration(UUID vmId, OutputStream stream) {
        int domid = require(vmId, DriverOperation.MIGRATE_SEND).domid();
        int[] pipe = streams.pipe(DriverOperation.MIGRATE_SEND);
        CompletableFuture<Void> copying = streams.drain(pipe[0], stream);
        try {
            LibxlCalls.check(libxl.libxl_domain_suspend(ctx, domid, pipe[1], Libxl.LIBXL_SUSPEND_LIVE, null),
                    DriverOperation.MIGRATE_SEND.function());
        } finally {
            streams.close(pipe[1]);
            finish(copying, DriverOperation.MIGRATE_SEND); // the copier closes the read end
        }
    }

    @Override
    public void resumeAfterFailedMigration(UUID vmId) {
        int domid = require(vmId, DriverOperation.RESUME).domid();
        LibxlCalls.check(libxl.libxl_domain_resume(ctx, domid, 1, null), DriverOperation.RESUME.function());
    }

    @Override
    public DomainInfo receiveMigration(DomainSpec spec, InputStream stream) {
        int[] pipe = streams.pipe(DriverOperation.MIGRATE_RECEIVE);
        CompletableFuture<Void> feeding = streams.feed(stream, pipe[1]);
        try {
            int domid = restoreFrom(spec, pipe[0], DriverOperation.MIGRATE_RECEIVE);
            finish(feeding, DriverOperation.MIGRATE_RECEIVE);
            return built(spec, domid, true, DriverOperation.MIGRATE_RECEIVE);
        } finally {
            streams.close(pipe[0]);
        }
    }

    @Override
    public void changeMedium(UUID vmId, DiskSpec medium) {
        int domid = require(vmId, DriverOperation.CDROM_INSERT).domid();
        try (NativeBuffer d = NativeBuffer.of(LibxlAbi.SPARE, libxl::libxl_device_disk_init, libxl::libxl_device_disk_dispose)) {
            LibxlCalls.check(libxl.libxl_device_disk_from_json(ctx, d.pointer(),
                    DomainConfigJson.disk(new DiskSpec(medium.vdev(), medium.path(), medium.format(), true, true))),
                    "libxl_device_disk_from_json");
            LibxlCalls.check(libxl.libxl_cdrom_insert(ctx, domid, d.pointer(), null), DriverOperation.CDROM_INSERT.function());
        }
    }

    // ---- helpers

    private NativeBuffer config(DomainSpec spec) {
        NativeBuffer config = NativeBuffer.of(LibxlAbi.SPARE, libxl::libxl_domain_config_init,
                libxl::libxl_domain_config_dispose);
        try {
            LibxlCalls.check(libxl.libxl_domain_config_from_json(ctx, config.pointer(), DomainConfigJson.of(spec)),
                    "libxl_domain_config_from_json");
            return config;
        } catch (RuntimeException e) {
            config.close();
            throw e;
        }
    }

    private int restoreFrom(DomainSpec spec, int fd, DriverOperation operation) {
        requireNew(spec, operation);
        try (NativeBuffer config = config(spec);
             NativeBuffer params = NativeBuffer.of(LibxlAbi.SPARE, libxl::libxl_domain_restore_params_init,
                     libxl::libxl_domain_restore_params_dispose)) {
            LibxlCalls.check(libxl.libxl_domain_restore_params_from_json(ctx, params.pointer(), RESTORE_PARAMS),
                    "libxl_domain_restore_params_from_json");
            requireFreeMemory(config, operation);
            IntByReference domid = new IntByReference(-1);
            LibxlCalls.check(libxl.libxl_domain_create_restore(ctx, config.pointer(), domid, fd, -1, params.pointer(),
                    null, null), operation.function());
            return domid.getValue();
        }
    }

    /**
     * A domain is named after its VM's uuid, and libxl refuses a second domain of the same name,
     * but only after it began to build it, and then its clean-up fails too and it returns
     * {@code ERROR_FAIL} (seen on Xen 4.17); the contract's answer is {@code ERROR_INVAL}, at once.
     */
    private void requireNew(DomainSpec spec, DriverOperation operation) {
        if (find(spec.vmId()).isPresent()) {
            throw operation.failure(XenError.INVAL, "domain with name \"" + spec.vmId() + "\" already exists");
        }
    }

    /**
     * Checks, as xl does before it creates a domain, that the host has the memory the domain
     * needs: libxl itself finds out only while it builds the domain, after a long time under
     * emulation, and then fails with {@code ERROR_FAIL} ("xc_dom_boot_mem_init: can't allocate
     * low memory"), not the {@code ERROR_NOMEM} the contract promises.
     */
    private void requireFreeMemory(NativeBuffer config, DriverOperation operation) {
        LongByReference need = new LongByReference();
        LongByReference free = new LongByReference();
        LibxlCalls.check(libxl.libxl_domain_need_memory(ctx, config.pointer(), Libxl.INVALID_DOMID, need),
                "libxl_domain_need_memory");
        LibxlCalls.check(libxl.libxl_get_free_memory(ctx, free), "libxl_get_free_memory");
        if (Long.compareUnsigned(need.getValue(), free.getValue()) > 0) {
            throw operation.failure(XenError.NOMEM, "needs " + need.getValue() + " KiB, the host has "
                    + free.getValue() + " KiB free");
        }
    }

    /** A domain libxl just built (paused): watched, unpaused unless asked, or destroyed if that fails. */
    private DomainInfo built(DomainSpec spec, int domid, boolean paused, DriverOperation operation) {
        try {
            events.watch(domid, spec.vmId());
            if (!paused) {
                LibxlCalls.check(libxl.libxl_domain_unpause(ctx, domid, null), DriverOperation.UNPAUSE.function());
            }
            return find(spec.vmId()).orElseThrow(() -> operation.failure(XenError.DOMAIN_DESTROYED, "gone at once"));
        } catch (HypervisorException e) {
            libxl.libxl_domain_destroy(ctx, domid, null);
            throw e;
        }
    }

    private DomainInfo require(UUID vmId, DriverOperation operation) {
        return find(vmId).orElseThrow(() -> operation.failure(XenError.DOMAIN_NOTFOUND, "no domain " + vmId));
    }

    private int open(Path path, int flags, DriverOperation operation) {
        int fd = libc.open(path.toString(), flags, 0600);
        if (fd < 0) {
            throw operation.failure(XenError.FAIL, "cannot open " + path);
        }
        return fd;
    }

    private static void finish(CompletableFuture<Void> copy, DriverOperation operation) {
        try {
            copy.join();
        } catch (CompletionException e) {
            throw operation.failure(XenError.FAIL, "the stream failed: " + e.getCause().getMessage());
        }
    }

    @Override
    public void close() {
        // The event thread may be inside libxl_event_wait on this context, so the context lives
        // until the process ends (a daemon has one driver for its whole life).
        events.stop();
    }
}
