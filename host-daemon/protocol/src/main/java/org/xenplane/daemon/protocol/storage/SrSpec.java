package org.xenplane.daemon.protocol.storage;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * What a daemon needs to find an SR's storage on its host: the driver and its device config
 * (XenAPI {@code device_config}), e.g. {@code file: {path: /srv/sr1}}; {@code adopt} (absent: no)
 * when the SR may take storage that holds volumes of no SR ({@code sr.adopt}).
 */
public record SrSpec(
        @NotNull @Pattern(regexp = "[a-z][a-z0-9]{0,15}") String type,
        @NotNull @Size(max = 16) Map<@NotNull @Size(min = 1, max = 64) String, @NotNull @Size(max = 1024) String> deviceConfig,
        Boolean adopt) {

    /** Whether the SR may take storage holding volumes of no SR. */
    public boolean adopts() {
        return Boolean.TRUE.equals(adopt);
    }
}
