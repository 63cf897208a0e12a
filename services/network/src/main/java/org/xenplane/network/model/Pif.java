package org.xenplane.network.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A host's interface to a network (XenAPI {@code PIF}): a NIC (physical), a VLAN on a NIC or bond,
 * or a bond's master. Its IP configuration is applied to its network's bridge on its host.
 */
@Entity
@Table(name = "pif")
public class Pif extends PanacheEntityBase {
    public static final String CLASS = "pif";
    public static final int NO_VLAN = -1;

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "host_id")
    public UUID hostId;
    @Column(name = "network_id")
    public UUID networkId;
    public String device;
    public String mac;
    public int mtu;
    @Column(name = "vlan_tag")
    public int vlanTag = NO_VLAN;
    public boolean physical;
    public boolean management;
    @Column(name = "currently_attached")
    public boolean currentlyAttached;
    @Column(name = "ip_mode")
    public String ipMode = "none";
    @Column(name = "ip_address")
    public String ipAddress;
    public String netmask;
    public String gateway;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> dns = new ArrayList<>();
    @Column(name = "bond_slave_of")
    public UUID bondSlaveOf;

    public boolean isVlan() {
        return vlanTag != NO_VLAN;
    }
}
