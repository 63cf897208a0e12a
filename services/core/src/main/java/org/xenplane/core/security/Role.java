package org.xenplane.core.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * XenServer's roles, in decreasing privilege. Each role holds every right of the roles below it,
 * so a permission check is one comparison: {@link #includes(Role)}.
 */
public enum Role {
    POOL_ADMIN("pool-admin"),
    POOL_OPERATOR("pool-operator"),
    VM_POWER_ADMIN("vm-power-admin"),
    VM_ADMIN("vm-admin"),
    VM_OPERATOR("vm-operator"),
    READ_ONLY("read-only");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** True when this role may do what {@code required} may do. */
    public boolean includes(Role required) {
        return ordinal() <= required.ordinal();
    }

    @JsonCreator
    public static Role fromWireName(String name) {
        return Arrays.stream(values())
                .filter(r -> r.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + name + "'"));
    }
}
