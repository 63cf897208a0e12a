package org.xenplane.storage.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An SR's attachment to a host (XenAPI {@code PBD}). */
@Entity
@Table(name = "pbd")
public class Pbd extends PanacheEntityBase {
    public static final String CLASS = "pbd";

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "sr_id")
    public UUID srId;
    @Column(name = "host_id")
    public UUID hostId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "device_config")
    public Map<String, String> deviceConfig = new HashMap<>();
    @Column(name = "currently_attached")
    public boolean currentlyAttached;
}
