package org.xenplane.identity.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.xenplane.core.security.Role;

/** A local user (XenAPI {@code subject} with its role). The password is kept only as a bcrypt hash. */
@Entity
@Table(name = "app_user")
public class User extends PanacheEntityBase {
    public static final String CLASS = "user";

    @Id
    public UUID id;
    @Version
    public long version;
    public String name;
    @Column(name = "full_name")
    public String fullName;
    public boolean enabled;
    @Column(name = "role")
    public String roleName;
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    public Role role() {
        return Role.fromWireName(roleName);
    }

    public static User byName(String name) {
        return find("name", name).firstResult();
    }
}
