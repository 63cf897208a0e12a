package org.xenplane.xenapi.service.classes;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.xenapi.service.XenClass;

/** XenAPI {@code host} over {@code /api/v1/hosts}. */
@ApplicationScoped
public class HostClass implements XenClass.Declaration {
    @Override
    public XenClass xenClass() {
        return new XenClass.Fields()
                .uuid().operations()
                .text("name_label", "name").constant("name_description", "")
                .constant("API_version_major", 2L).constant("API_version_minor", 21L)
                .constant("API_version_vendor", "Xenplane").constant("API_version_vendor_implementation", java.util.Map.of())
                .bool("enabled", "enabled").map("software_version", "softwareVersions")
                .constant("other_config", java.util.Map.of())
                .text("hostname", "name").text("address", "address")
                .field("cpu_info", v -> java.util.Map.of("cpu_count", v.path("cpuCount").asText()))
                .of("host", "/api/v1/hosts", "host.read", "name");
    }
}
