package org.xenplane.ha.api;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/v1/ha/allow-overcommit}: XenAPI's {@code pool.ha_allow_overcommit}. */
public record HaOvercommitRequest(@NotNull Boolean allowOvercommit) {
}
