package org.xenplane.core.security;

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

/**
 * A bearer credential as stored: who it names, what it may do, and the SHA-256 of its secret.
 * The secret itself is never stored.
 */
@Entity
@Table(name = "credential")
public class Credential extends PanacheEntityBase {
    @Id
    public UUID id;
    @Version
    public long version;
    @Enumerated(EnumType.STRING)
    public CallerKind kind;
    public String subject;
    public String name;
    @Column(name = "role")
    public String roleName;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Enumerated(EnumType.STRING)
    public CredentialPurpose purpose = CredentialPurpose.API_TOKEN;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
    /** For sessions: unused for longer than this, the session has expired. */
    @Column(name = "idle_timeout_seconds")
    public Integer idleTimeoutSeconds;
    @Column(name = "created_from")
    public String createdFrom;

    public static Credential create(CallerKind kind, String subject, String name, Role role, String secret) {
        Credential c = new Credential();
        c.id = UUID.randomUUID();
        c.kind = kind;
        c.subject = subject;
        c.name = name;
        c.roleName = role == null ? null : role.wireName();
        c.tokenHash = Tokens.hash(secret);
        c.createdAt = Instant.now();
        c.lastUsedAt = c.createdAt;
        c.purpose = kind == CallerKind.HOST ? CredentialPurpose.HOST : CredentialPurpose.API_TOKEN;
        return c;
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now)) && !idleAt(now);
    }

    private boolean idleAt(Instant now) {
        return idleTimeoutSeconds != null && lastUsedAt != null
                && lastUsedAt.plusSeconds(idleTimeoutSeconds).isBefore(now);
    }

    public Caller toCaller() {
        return new Caller(kind, subject, roleName == null ? null : Role.fromWireName(roleName), id);
    }
}
