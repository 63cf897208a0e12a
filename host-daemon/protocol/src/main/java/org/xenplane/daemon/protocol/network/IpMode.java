package org.xenplane.daemon.protocol.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How a PIF gets its IP address (XenAPI {@code ip_configuration_mode}). */
public enum IpMode {
    NONE("none"),
    DHCP("dhcp"),
    STATIC("static");

    private final String wireName;

    IpMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static IpMode fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mode '" + name + "'; one of none, dhcp, static"));
    }
}
