package org.xenplane.network.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A bond on one host (XenAPI {@code Bond}): its master PIF; the members point at it ({@code bond_slave_of}). */
@Entity
@Table(name = "bond")
public class Bond extends PanacheEntityBase {
    public static final String CLASS = "bond";

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "master_pif_id")
    public UUID masterPifId;
    /** {@code active-backup}, {@code balance-slb} or {@code lacp}. */
    public String mode;
}
