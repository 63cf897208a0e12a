package org.xenplane.daemon.protocol.network;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** XenAPI's bond modes; each driver maps them to its own (see docs/network.md). */
public enum BondMode {
    ACTIVE_BACKUP("active-backup"),
    BALANCE_SLB("balance-slb"),
    LACP("lacp");

    private final String wireName;

    BondMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    @JsonCreator
    public static BondMode fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown bond mode '" + name
                        + "'; one of active-backup, balance-slb, lacp"));
    }
}
