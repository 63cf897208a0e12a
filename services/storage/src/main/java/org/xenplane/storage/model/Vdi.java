package org.xenplane.storage.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A virtual disk (XenAPI {@code VDI}). Sizes in bytes. */
@Entity
@Table(name = "vdi")
public class Vdi extends PanacheEntityBase {
    public static final String CLASS = "vdi";

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "sr_id")
    public UUID srId;
    public String name;
    public String description = "";
    @Enumerated(EnumType.STRING)
    public VdiType type = VdiType.USER;
    @Column(name = "virtual_size")
    public long virtualSize;
    @Column(name = "physical_utilisation")
    public long physicalUtilisation;
    public boolean sharable;
    @Column(name = "read_only")
    public boolean readOnly;
    /** False for a hidden base of a snapshot chain: not a disk anyone attaches. */
    public boolean managed = true;
    @Column(name = "is_snapshot")
    public boolean isSnapshot;
    @Column(name = "snapshot_of")
    public UUID snapshotOf;
    @Column(name = "snapshot_time")
    public Instant snapshotTime;
    @Column(name = "parent_id")
    public UUID parentId;
    /** How many images the hypervisor opens for this disk: 1 without a parent. */
    @Column(name = "chain_depth")
    public int chainDepth = 1;
    /** A scan found no volume for it (kept while VBDs refer to it). */
    public boolean missing;
    /** A long operation holding the VDI, or null. */
    @Column(name = "current_operation")
    public String currentOperation;
    /** The task of {@link #currentOperation}, or null. */
    @Column(name = "current_task")
    public java.util.UUID currentTask;
    @Column(name = "created_at")
    public Instant createdAt;
}
