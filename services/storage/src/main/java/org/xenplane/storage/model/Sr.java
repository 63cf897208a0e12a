package org.xenplane.storage.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A storage repository (XenAPI {@code SR}). Sizes in bytes. */
@Entity
@Table(name = "sr")
public class Sr extends PanacheEntityBase {
    public static final String CLASS = "sr";

    @Id
    public UUID id;
    @Version
    public long version;
    public String name;
    public String description = "";
    public String type;
    @Column(name = "content_type")
    public String contentType = "user";
    public boolean shared;
    /** The host of a local SR; null when shared. */
    @Column(name = "host_id")
    public UUID hostId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "device_config")
    public Map<String, String> deviceConfig = new HashMap<>();
    @Column(name = "physical_size")
    public long physicalSize;
    @Column(name = "physical_utilisation")
    public long physicalUtilisation;
    /** The sum of the virtual sizes of its managed VDIs: what thin provisioning has promised. */
    @Column(name = "virtual_allocation")
    public long virtualAllocation;
    /** An SR-wide operation holding the SR (scan, plug, unplug, destroy), or null. */
    @Column(name = "current_operation")
    public String currentOperation;
    /** The task of {@link #currentOperation}, or null. */
    @Column(name = "current_task")
    public UUID currentTask;
    @Column(name = "created_at")
    public Instant createdAt;
}
