-- HA protection of a VM (XenAPI VM.ha_restart_priority, VM.order, VM.start_delay): owned by the vm
-- service, read by the ha service through core's HaVms seam (invariant 11). A null priority: not
-- protected. 'restart' VMs are restarted after their host dies, by ha_order, ha_start_delay_seconds
-- apart, and retried until they run; 'best-effort' ones once, after every 'restart' VM.
alter table vm
    add column ha_restart_priority    text    check (ha_restart_priority in ('restart', 'best-effort')),
    add column ha_order               integer not null default 0,
    add column ha_start_delay_seconds integer not null default 0 check (ha_start_delay_seconds >= 0);
create index vm_ha_protected on vm (resident_on) where ha_restart_priority is not null;
