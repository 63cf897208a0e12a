package org.xenplane.xenapi.service.classes;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.xenapi.service.XenClass;

/** XenAPI {@code network} over {@code /api/v1/networks}. */
@ApplicationScoped
public class NetworkClass implements XenClass.Declaration, org.xenplane.xenapi.service.Setters.Settable {
    @Override
    public XenClass xenClass() {
        return new XenClass.Fields()
                .uuid().operations()
                .text("name_label", "name").text("name_description", "description")
                .refs("VIFs", "VIF", "vifs").refs("PIFs", "PIF", "pifs")
                .int64("MTU", "mtu").map("other_config", "otherConfig").text("bridge", "bridge").bool("managed", "managed")
                .of("network", "/api/v1/networks", "network.read", "name");
    }

    @Override
    public String updateOperation() {
        return "network.update";
    }

    /** What {@code PATCH /api/v1/networks/{id}} changes. */
    @Override
    public void setters(org.xenplane.xenapi.service.Setters s) {
        s.text("name_label", "name").text("name_description", "description").map("other_config", "otherConfig");
    }
}
