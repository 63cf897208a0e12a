package org.xenplane.storage.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/** A VM's disk slot (XenAPI {@code VBD}). The VM is named by its uuid; the VM service owns VMs. */
@Entity
@Table(name = "vbd")
public class Vbd extends PanacheEntityBase {
    public static final String CLASS = "vbd";

    @Id
    public UUID id;
    @Version
    public long version;
    @Column(name = "vm_id")
    public UUID vmId;
    /** Null for an empty CD drive. */
    @Column(name = "vdi_id")
    public UUID vdiId;
    public int userdevice;
    /** The guest's device name, {@code xvda} for userdevice 0. */
    public String device;
    @Enumerated(EnumType.STRING)
    public VbdMode mode;
    @Enumerated(EnumType.STRING)
    public VbdType type;
    public boolean bootable;
    public boolean empty;
    @Column(name = "currently_attached")
    public boolean currentlyAttached;
    @Column(name = "attached_host_id")
    public UUID attachedHostId;

    /** Xen's name for a userdevice: 0 is xvda, 1 xvdb, ... */
    public static String deviceName(int userdevice) {
        return "xvd" + (char) ('a' + userdevice);
    }
}
