package org.xenplane.xenapi.service.classes;

import jakarta.enterprise.context.ApplicationScoped;
import org.xenplane.xenapi.service.XenClass;

/** XenAPI {@code PIF} over {@code /api/v1/pifs}. */
@ApplicationScoped
public class PifClass implements XenClass.Declaration {
    @Override
    public XenClass xenClass() {
        return new XenClass.Fields()
                .uuid().operations()
                .text("device", "device").ref("network", "network", "networkId").ref("host", "host", "hostId")
                .text("MAC", "mac").int64("MTU", "mtu").int64("VLAN", "vlanTag").bool("physical", "physical")
                .bool("currently_attached", "currentlyAttached")
                .field("ip_configuration_mode", v -> org.xenplane.xenapi.service.XenFormats.ipMode(v.path("ipConfigurationMode")))
                .text("IP", "ip").text("netmask", "netmask").text("gateway", "gateway")
                .field("DNS", v -> org.xenplane.xenapi.service.XenFormats.texts(v.path("dns")).stream().map(Object::toString).collect(java.util.stream.Collectors.joining(",")))
                .ref("bond_master_of", "Bond", "bondMasterOf").ref("bond_slave_of", "Bond", "bondSlaveOf")
                .bool("management", "management").constant("other_config", java.util.Map.of())
                .of("PIF", "/api/v1/pifs", "pif.read", null);
    }
}
