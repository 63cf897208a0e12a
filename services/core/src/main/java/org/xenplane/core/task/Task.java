package org.xenplane.core.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A persisted operation (XenAPI {@code task}): written before the work starts, finished once. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {
    @Id
    public UUID id;
    @Version
    public long version;
    public String operation;
    @Column(name = "target_class")
    public String targetClass;
    @Column(name = "target_id")
    public UUID targetId;
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    public double progress;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "result_class")
    public String resultClass;
    @Column(name = "result_id")
    public UUID resultId;
    @Column(name = "error_code")
    public String errorCode;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "error_params")
    public Map<String, String> errorParams;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "cancel_requested")
    public boolean cancelRequested;
    /** The replica running the task (see {@link TaskLeases}); null once nobody needs to. */
    public UUID owner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
}
