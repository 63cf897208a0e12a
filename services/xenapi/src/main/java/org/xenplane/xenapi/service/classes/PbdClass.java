package org.xenplane.xenapi.service.classes;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.xenapi.service.XenClass;

/** XenAPI {@code PBD} over {@code /api/v1/pbds}. */
@ApplicationScoped
public class PbdClass implements XenClass.Declaration {
    @Override
    public XenClass xenClass() {
        return new XenClass.Fields()
                .uuid().operations()
                .ref("host", "host", "hostId").ref("SR", "SR", "srId").map("device_config", "deviceConfig")
                .bool("currently_attached", "currentlyAttached").constant("other_config", java.util.Map.of())
                .of("PBD", "/api/v1/pbds", "pbd.read", null);
    }
}
