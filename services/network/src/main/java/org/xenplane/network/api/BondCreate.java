package org.xenplane.network.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.xenplane.daemon.protocol.network.BondMode;

/**
 * A bond of a host's NICs (XenAPI {@code Bond.create}).
 *
 * @param networkId the network the bond's master PIF connects
 * @param members   the member PIFs: at least two NICs of one host
 * @param mode      {@code active-backup}, {@code balance-slb} or {@code lacp}
 * @param mac       the bond's MAC; default the first member's
 */
public record BondCreate(@NotNull UUID networkId, @NotNull @Size(max = 16) List<@NotNull UUID> members,
                         @NotNull BondMode mode, @Size(max = 32) String mac) {
}
