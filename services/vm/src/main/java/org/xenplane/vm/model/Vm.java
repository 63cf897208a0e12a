package org.xenplane.vm.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.xenplane.daemon.protocol.DomainType;

/**
 * A VM, template or snapshot (XenAPI {@code VM} with its {@code VM_metrics}). Memory in bytes.
 * Host references are ids of the pool's hosts, read by SQL: this service does not map their table.
 */
@Entity
@Table(name = "vm")
public class Vm extends PanacheEntityBase {
    public static final String CLASS = "vm";

    @Id
    public UUID id;
    @Version
    public long version;
    public String name;
    public String description = "";
    @Column(name = "is_a_template")
    public boolean isATemplate;
    @Column(name = "is_default_template")
    public boolean isDefaultTemplate;
    @Column(name = "is_a_snapshot")
    public boolean isASnapshot;
    @Column(name = "snapshot_of")
    public UUID snapshotOf;
    @Column(name = "snapshot_time")
    public Instant snapshotTime;
    public UUID parent;
    @Enumerated(EnumType.STRING)
    @Column(name = "power_state")
    public PowerState powerState = PowerState.HALTED;
    @Column(name = "resident_on")
    public UUID residentOn;
    @Column(name = "scheduled_to")
    public UUID scheduledTo;
    @Column(name = "suspended_on")
    public UUID suspendedOn;
    public UUID affinity;
    @Column(name = "memory_reserved")
    public long memoryReserved;
    @Column(name = "memory_static_min")
    public long memoryStaticMin;
    @Column(name = "memory_static_max")
    public long memoryStaticMax;
    @Column(name = "memory_dynamic_min")
    public long memoryDynamicMin;
    @Column(name = "memory_dynamic_max")
    public long memoryDynamicMax;
    @Column(name = "vcpus_max")
    public int vcpusMax;
    @Column(name = "vcpus_at_startup")
    public int vcpusAtStartup;
    @Column(name = "domain_type")
    public String domainType;
    public String kernel;
    public String ramdisk;
    public String cmdline;
    @Column(name = "boot_order")
    public String bootOrder;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> platform = new HashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "other_config")
    public Map<String, String> otherConfig = new HashMap<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();
    /** The disks a VM made from this template gets (an empty list: none). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "provision_disks")
    public List<org.xenplane.vm.api.TemplateDisk> provisionDisks = new ArrayList<>();
    @Column(name = "current_operation")
    public String currentOperation;
    @Column(name = "current_task")
    public UUID currentTask;
    public Integer domid;
    @Column(name = "start_time")
    public Instant startTime;
    @Column(name = "vcpus_online")
    public Integer vcpusOnline;
    @Column(name = "memory_actual")
    public Long memoryActual;
    @Column(name = "host_generation")
    public long hostGeneration;
    @Column(name = "created_at")
    public Instant createdAt;
    /** XenAPI {@code ha_restart_priority}: {@code restart}, {@code best-effort}, or null (not protected by HA). */
    @Column(name = "ha_restart_priority")
    public String haRestartPriority;
    /** XenAPI {@code order}: HA restarts lower orders first. */
    @Column(name = "ha_order")
    public int haOrder;
    /** XenAPI {@code start_delay}: seconds HA waits after starting this VM before the next one. */
    @Column(name = "ha_start_delay_seconds")
    public int haStartDelaySeconds;

    public DomainType type() {
        return DomainType.fromWireName(domainType);
    }

    /** Forgets the domain: the VM is halted or suspended and holds no memory anywhere. */
    public void clearDomain() {
        residentOn = null;
        scheduledTo = null;
        memoryReserved = 0;
        domid = null;
        startTime = null;
        vcpusOnline = null;
        memoryActual = null;
    }

    /** A copy of this VM's settings (not its state) under a new id: for clones, copies, snapshots and VMs from templates. */
    public Vm copySettings(UUID newId, String newName) {
        Vm copy = new Vm();
        copy.id = newId;
        copy.name = newName;
        copy.description = description;
        copy.affinity = affinity;
        copy.memoryStaticMin = memoryStaticMin;
        copy.memoryStaticMax = memoryStaticMax;
        copy.memoryDynamicMin = memoryDynamicMin;
        copy.memoryDynamicMax = memoryDynamicMax;
        copy.vcpusMax = vcpusMax;
        copy.vcpusAtStartup = vcpusAtStartup;
        copy.domainType = domainType;
        copy.kernel = kernel;
        copy.ramdisk = ramdisk;
        copy.cmdline = cmdline;
        copy.bootOrder = bootOrder;
        copy.platform = new HashMap<>(platform);
        copy.otherConfig = new HashMap<>(otherConfig);
        copy.tags = new ArrayList<>(tags);
        copy.provisionDisks = new ArrayList<>(provisionDisks);
        copy.createdAt = Instant.now();
        return copy;
    }
}
