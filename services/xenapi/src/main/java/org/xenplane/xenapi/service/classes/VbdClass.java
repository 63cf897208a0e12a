package org.xenplane.xenapi.service.classes;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.xenapi.service.XenClass;

/** XenAPI {@code VBD} over {@code /api/v1/vbds}. */
@ApplicationScoped
public class VbdClass implements XenClass.Declaration {
    @Override
    public XenClass xenClass() {
        return new XenClass.Fields()
                .uuid().operations()
                .ref("VM", "VM", "vmId").ref("VDI", "VDI", "vdiId").text("device", "device")
                .field("userdevice", v -> v.path("userdevice").asText())
                .bool("bootable", "bootable").text("mode", "mode").text("type", "type")
                .bool("empty", "empty").bool("currently_attached", "currentlyAttached")
                .constant("other_config", java.util.Map.of())
                .of("VBD", "/api/v1/vbds", "vbd.read", null);
    }
}
