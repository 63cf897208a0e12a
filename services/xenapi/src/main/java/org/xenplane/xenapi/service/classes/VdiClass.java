package org.xenplane.xenapi.service.classes;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.xenapi.service.XenClass;

/** XenAPI {@code VDI} over {@code /api/v1/vdis}. */
@ApplicationScoped
public class VdiClass implements XenClass.Declaration {
    @Override
    public XenClass xenClass() {
        return new XenClass.Fields()
                .uuid().operations()
                .text("name_label", "name").text("name_description", "description")
                .ref("SR", "SR", "srId").refs("VBDs", "VBD", "vbds")
                .int64("virtual_size", "virtualSize").int64("physical_utilisation", "physicalUtilisation")
                .text("type", "type").bool("sharable", "sharable").bool("read_only", "readOnly")
                .bool("managed", "managed").bool("missing", "missing")
                .bool("is_a_snapshot", "isSnapshot").ref("snapshot_of", "VDI", "snapshotOf").date("snapshot_time", "snapshotTime")
                .constant("other_config", java.util.Map.of())
                .of("VDI", "/api/v1/vdis", "vdi.read", "name");
    }
}
