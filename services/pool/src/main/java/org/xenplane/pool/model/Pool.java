package org.xenplane.pool.model;

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

/** The pool (XenAPI {@code pool}): exactly one row, created by the first migration. */
@Entity
@Table(name = "pool")
public class Pool extends PanacheEntityBase {
    public static final String CLASS = "pool";

    @Id
    public UUID id;
    @Version
    public long version;
    public String name;
    public String description;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "other_config")
    public Map<String, String> otherConfig = new HashMap<>();

    public static Pool the() {
        return Pool.<Pool>findAll().firstResult();
    }
}
