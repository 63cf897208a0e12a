package org.xenplane.pool.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A single-use, expiring token that lets one host join. Only the hash of its secret is kept. */
@Entity
@Table(name = "join_token")
public class JoinToken extends PanacheEntityBase {
    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
    @Column(name = "host_id")
    public UUID hostId;

    public boolean usableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
