package org.xenplane.network.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A new network.
 *
 * @param bridge  the bridge on each host; default {@code xapi<N>}
 * @param mtu     68..9216, default 1500
 * @param managed default true: Xenplane makes and removes the bridge; false: an existing bridge of
 *                the administrator's, used as it is on every host
 */
public record NetworkCreate(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 1024) String description,
        @Size(max = 15) String bridge,
        Integer mtu,
        Boolean managed,
        @Size(max = 64) Map<@Size(max = 255) String, @Size(max = 1024) String> otherConfig) {
}
