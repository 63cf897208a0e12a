package org.xenplane.xenapi.service;

import java.util.Map;

/** XAPI's spelling of Xenplane's object class names ({@code vm} is {@code VM}, {@code host} stays {@code host}). */
public final class XenClasses {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("vm", "VM"), Map.entry("sr", "SR"), Map.entry("vdi", "VDI"), Map.entry("vbd", "VBD"),
            Map.entry("vif", "VIF"), Map.entry("pif", "PIF"), Map.entry("pbd", "PBD"), Map.entry("vlan", "VLAN"),
            Map.entry("bond", "Bond"));

    private XenClasses() {
    }

    public static String xenName(String xenplaneClass) {
        return NAMES.getOrDefault(xenplaneClass, xenplaneClass);
    }
}
