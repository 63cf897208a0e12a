package org.xenplane.daemon.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.xenplane.daemon.api.DaemonException;
import org.xenplane.daemon.operation.OperationMemo;
import org.xenplane.daemon.protocol.WireError;
import org.xenplane.daemon.protocol.storage.SrSpec;
import org.xenplane.daemon.protocol.storage.SrStats;
import org.xenplane.daemon.protocol.storage.VolumeInfo;
import org.xenplane.daemon.protocol.storage.VolumeList;

/**
 * The storage of the hosts this daemon serves: the drivers by SR type, the SRs attached on each
 * host, and the rules every call follows. Failures of the tools become typed errors naming the
 * SR; changes to one SR's volume chains run one at a time.
 */
public class LocalStorage {
    private final Map<String, StorageDriver> drivers = new LinkedHashMap<>();
    private final AttachedSrs attached;
    private final QemuImg qemu;
    private final OperationMemo operations;
    private final Map<UUID, ReentrantLock> chainLocks = new ConcurrentHashMap<>();

    public LocalStorage(List<StorageDriver> drivers, AttachedSrs attached, QemuImg qemu, OperationMemo operations) {
        drivers.forEach(d -> this.drivers.put(d.type(), d));
        this.attached = attached;
        this.qemu = qemu;
        this.operations = operations;
    }

    public StorageDriver driver(String type) {
        StorageDriver driver = drivers.get(type);
        if (driver == null) {
            throw new DaemonException(WireError.SR_UNKNOWN_DRIVER, Map.of("type", String.valueOf(type)),
                    "no storage driver " + type + "; known: " + drivers.keySet());
        }
        return driver;
    }

    private SrHandle handle(String localKey, UUID srId, SrSpec spec) {
        if (spec == null || spec.deviceConfig() == null) {
            throw new DaemonException(WireError.INVALID_FIELD, Map.of("field", "deviceConfig", "reason", "required"), null);
        }
        driver(spec.type()).validate(spec.deviceConfig());
        return new SrHandle(srId, localKey, Map.copyOf(spec.deviceConfig()), spec.adopts());
    }

    public void create(String localKey, UUID srId, SrSpec spec, String operationId) {
        once(localKey, operationId, "create sr " + srId, () -> {
            SrHandle sr = handle(localKey, srId, spec);
            backend(srId, () -> {
                driver(spec.type()).create(sr);
                return null;
            });
            return Boolean.TRUE;
        });
    }

    public SrStats attach(String localKey, UUID srId, SrSpec spec, String operationId) {
        return once(localKey, operationId, "attach sr " + srId, () -> {
            SrHandle sr = handle(localKey, srId, spec);
            StorageDriver driver = driver(spec.type());
            return backend(srId, () -> {
                driver.attach(sr);
                attached.record(localKey, srId, spec);
                return driver.stats(sr);
            });
        });
    }

    public void detach(String localKey, UUID srId, String operationId) {
        once(localKey, operationId, "detach sr " + srId, () -> {
            attached.find(localKey, srId).ifPresent(spec -> backend(srId, () -> {
                driver(spec.type()).detach(handle(localKey, srId, spec));
                return null;
            }));
            attached.forget(localKey, srId);
            return Boolean.TRUE;
        });
    }

    public void destroy(String localKey, UUID srId, SrSpec spec, String operationId) {
        once(localKey, operationId, "destroy sr " + srId, () -> {
            SrHandle sr = handle(localKey, srId, spec);
            backend(srId, () -> {
                driver(spec.type()).destroy(sr);
                return null;
            });
            attached.forget(localKey, srId);
            return Boolean.TRUE;
        });
    }

    public SrStats stats(String localKey, UUID srId) {
        SrHandle sr = attachedSr(localKey, srId);
        return backend(srId, () -> driver(specType(localKey, srId)).stats(sr));
    }

    public VolumeList scan(String localKey, UUID srId) {
        SrHandle sr = attachedSr(localKey, srId);
        StorageDriver driver = driver(specType(localKey, srId));
        return backend(srId, () -> new VolumeList(volumes(sr).list(), driver.stats(sr)));
    }

    /** Runs {@code work} on the volumes of an attached SR, with the SR's chain lock when it changes chains. */
    public <T> T withVolumes(String localKey, UUID srId, String operationId, boolean changesChains,
                             Function<QcowVolumes, T> work) {
        return once(localKey, operationId, "volumes of sr " + srId, () -> {
            SrHandle sr = attachedSr(localKey, srId);
            QcowVolumes volumes = volumes(sr);
            if (!changesChains) {
                return backend(srId, () -> work.apply(volumes));
            }
            ReentrantLock lock = chainLocks.computeIfAbsent(srId, id -> new ReentrantLock());
            lock.lock();
            try {
                return backend(srId, () -> work.apply(volumes));
            } finally {
                lock.unlock();
            }
        });
    }

    /** The volumes of an attached SR (for copies between two SRs of this host). */
    public QcowVolumes volumesOf(String localKey, UUID srId) {
        return volumes(attachedSr(localKey, srId));
    }

    public VolumeInfo info(String localKey, UUID srId, UUID volumeId) {
        return withVolumes(localKey, srId, null, false, v -> v.info(volumeId));
    }

    private QcowVolumes volumes(SrHandle sr) {
        return new QcowVolumes(driver(specType(sr.localKey(), sr.srId())).space(sr), qemu);
    }

    private String specType(String localKey, UUID srId) {
        return attached.find(localKey, srId).map(SrSpec::type).orElseThrow(() -> notAttached(localKey, srId));
    }

    private SrHandle attachedSr(String localKey, UUID srId) {
        SrSpec spec = attached.find(localKey, srId).orElseThrow(() -> notAttached(localKey, srId));
        return new SrHandle(srId, localKey, Map.copyOf(spec.deviceConfig()), spec.adopts());
    }

    private static DaemonException notAttached(String localKey, UUID srId) {
        return new DaemonException(WireError.SR_NOT_ATTACHED, Map.of("sr", srId.toString(), "host", localKey),
                "SR " + srId + " is not attached on " + localKey);
    }

    private <T> T once(String localKey, String operationId, String operation, Supplier<T> work) {
        return operations.run(localKey, operationId, operation, work);
    }

    /** Runs backend work, turning tool failures and missing volumes into the API's typed errors. */
    public static <T> T backend(UUID srId, Supplier<T> work) {
        try {
            return work.get();
        } catch (StorageFailure e) {
            throw new DaemonException(WireError.SR_BACKEND_FAILURE,
                    Map.of("sr", srId.toString(), "detail", e.getMessage()), e.getMessage());
        } catch (QcowVolumes.VolumeMissing e) {
            throw new DaemonException(WireError.VDI_MISSING, Map.of("sr", srId.toString(), "vdi", e.id().toString()),
                    e.getMessage());
        }
    }
}
