package org.xenplane.daemon.protocol;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A daemon's request to join the pool as a host.
 *
 * @param joinToken the single-use token an administrator issued
 * @param hostname  the host's name
 * @param address   the host's management address
 * @param daemonUrl where the control plane reaches this host's daemon
 * @param facts     the host's CPUs, memory and versions
 */
public record JoinRequest(
        @NotBlank @Size(max = 200) String joinToken,
        @NotBlank @Size(max = 255) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String hostname,
        @NotBlank @Size(max = 255) String address,
        @NotBlank @Size(max = 2048) @Pattern(regexp = "https?://[^\\s]+") String daemonUrl,
        @NotNull @Valid HostFacts facts) {
}
