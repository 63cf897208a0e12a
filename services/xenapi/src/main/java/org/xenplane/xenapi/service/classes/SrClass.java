package org.xenplane.xenapi.service.classes;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.xenapi.service.XenClass;

/** XenAPI {@code SR} over {@code /api/v1/srs}. */
@ApplicationScoped
public class SrClass implements XenClass.Declaration {
    @Override
    public XenClass xenClass() {
        return new XenClass.Fields()
                .uuid().operations()
                .text("name_label", "name").text("name_description", "description")
                .refs("PBDs", "PBD", "pbds")
                .int64("virtual_allocation", "virtualAllocation").int64("physical_utilisation", "physicalUtilisation")
                .int64("physical_size", "physicalSize").text("type", "type").text("content_type", "contentType")
                .bool("shared", "shared").constant("other_config", java.util.Map.of())
                .of("SR", "/api/v1/srs", "sr.read", "name");
    }
}
