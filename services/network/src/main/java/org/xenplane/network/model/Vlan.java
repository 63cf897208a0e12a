package org.xenplane.network.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A VLAN on one host (XenAPI {@code VLAN}): the tagged PIF (NIC or bond) and the VLAN's own PIF. */
@Entity
@Table(name = "vlan")
public class Vlan extends PanacheEntityBase {
    public static final String CLASS = "vlan";

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "tagged_pif_id")
    public UUID taggedPifId;
    @Column(name = "untagged_pif_id")
    public UUID untaggedPifId;
    public int tag;
}
