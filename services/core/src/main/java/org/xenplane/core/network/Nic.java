package org.xenplane.core.network;

import java.util.UUID;

/**
 * A VM's NIC as the hypervisor driver needs it (libxl's {@code libxl_device_nic}): which bridge to
 * join, with which MAC, MTU and emulated model.
 *
 * @param vif         the VIF's id
 * @param device      the VIF's device index (the guest's eth<i>N</i>)
 * @param mac         lower case, colon separated
 * @param mtu         68..9216
 * @param bridge      the dom0 bridge of the VIF's network
 * @param model       the emulated NIC model for HVM guests ({@code rtl8139}, {@code e1000}); PV guests use netfront
 * @param network     the network's id
 * @param lockingMode {@code network_default}, {@code locked}, {@code unlocked} or {@code disabled}
 */
public record Nic(UUID vif, int device, String mac, int mtu, String bridge, String model, UUID network,
                  String lockingMode) {
}
