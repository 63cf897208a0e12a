package org.xenplane.core.message;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message about an object (XenAPI {@code message}), written once and never changed. */
@Entity
@Table(name = "message")
public class Message extends PanacheEntityBase {
    public static final String CLASS = "message";

    @Id
    public UUID id;
    public String name;
    public int priority;
    @Column(name = "object_class")
    public String objectClass;
    @Column(name = "object_id")
    public UUID objectId;
    public String body;
    @Column(name = "created_at")
    public Instant createdAt;
}
