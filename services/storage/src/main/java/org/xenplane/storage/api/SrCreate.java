package org.xenplane.storage.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;

/**
 * A new SR. {@code type}: {@code file}, {@code lvm} or {@code nfs}; {@code deviceConfig} per type
 * ({@code file: path}, {@code lvm: device}, {@code nfs: server, serverpath[, nfsversion, port]}).
 * A local SR lives on {@code hostId}; a shared one ({@code nfs}, or {@code file} on a cluster
 * file system) is plugged on every host. {@code id} only for introduce: the SR's existing uuid.
 */
public record SrCreate(
        UUID id,
        @NotNull @Size(min = 1, max = 255) String name,
        @Size(max = 4096) String description,
        @NotNull @Size(min = 1, max = 32) String type,
        @Size(min = 1, max = 32) String contentType,
        Boolean shared,
        UUID hostId,
        @NotNull @Size(max = 16) Map<@NotNull @Size(min = 1, max = 64) String, @NotNull @Size(max = 1024) String> deviceConfig) {
}
