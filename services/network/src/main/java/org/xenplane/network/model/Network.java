package org.xenplane.network.model;

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

/** A network (XenAPI {@code network}): a bridge of the same name on every host that uses it. */
@Entity
@Table(name = "network")
public class Network extends PanacheEntityBase {
    public static final String CLASS = "network";

    @Id
    public UUID id;
    @Version
    public long version;
    public String name;
    public String description;
    public String bridge;
    public int mtu;
    /** Xenplane makes and removes the bridge; false: the administrator's own bridge, only used. */
    public boolean managed;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "other_config")
    public Map<String, String> otherConfig = new HashMap<>();
    @Column(name = "created_at")
    public Instant createdAt;
}
