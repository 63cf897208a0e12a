-- An operation under way on a network, PIF or VIF while it waits for a host (network.destroy, vlan.destroy and
-- bond.destroy on their PIF, pif.reconfigure_ip, vif.plug, vif.unplug) and its task: marked in a short
-- transaction and cleared in another, so that no transaction stays open around the host's work
-- (NetworkClaims); a mark left by a task that ended without clearing it is cleared by StaleNetworkClaims.
alter table network add column current_operation text, add column current_task uuid;
alter table pif add column current_operation text, add column current_task uuid;
alter table vif add column current_operation text, add column current_task uuid;
