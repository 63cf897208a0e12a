package org.xenplane.pool.model;

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

/** A Xen host of the pool (XenAPI {@code host} with its {@code host_metrics}). Memory in bytes. */
@Entity
@Table(name = "host")
public class Host extends PanacheEntityBase {
    public static final String CLASS = "host";

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "pool_id")
    public UUID poolId;
    public String name;
    public String address;
    @Column(name = "daemon_url")
    public String daemonUrl;
    @Column(name = "cpu_count")
    public int cpuCount;
    @Column(name = "memory_total")
    public long memoryTotal;
    @Column(name = "memory_free")
    public long memoryFree;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "software_versions")
    public Map<String, String> softwareVersions = new HashMap<>();
    public boolean enabled;
    /** Disabled and emptied by {@code host.enter_maintenance}; ends when the host is enabled again. */
    public boolean maintenance;
    public boolean live;
    @Column(name = "last_heartbeat")
    public Instant lastHeartbeat;
    @Column(name = "joined_at")
    public Instant joinedAt;
}
