-- The ha service's tables (docs/ha.md). Only the ha service names them (invariant 11): the pool
-- reaches the HA terms through core's HaTerms, and ha reaches VMs through core's HaVms.

-- The pool's one HA configuration (XenAPI pool.ha_enabled, ha_host_failures_to_tolerate,
-- ha_allow_overcommit) and the peer token daemons present to each other. enabled_at: a host's
-- heartbeat acknowledged before it (plus the terms cache) carried no lease, so such a host is
-- never declared dead on the strength of that heartbeat.
create table ha_config (
    id                        integer primary key check (id = 1),
    version                   bigint  not null default 0,
    enabled                   boolean not null default false,
    timeout_seconds           integer not null default 30 check (timeout_seconds between 6 and 3600),
    host_failures_to_tolerate integer not null default 0 check (host_failures_to_tolerate >= 0),
    allow_overcommit          boolean not null default false,
    peer_token                text,
    enabled_at                timestamptz,
    check (not enabled or (peer_token is not null and enabled_at is not null))
);
insert into ha_config (id) values (1);

-- The one active HA monitor across replicas: a lease row. active_since is when the current owner
-- took it over (it declares no host dead before active_since + T + safety margin).
create table ha_monitor (
    id           integer primary key check (id = 1),
    owner        uuid,
    lease_until  timestamptz,
    active_since timestamptz
);
insert into ha_monitor (id) values (1);

-- Hosts the monitor declared dead, and the heartbeat that was their last then: a later heartbeat
-- makes the host live again. vms_reset: its VMs have all been recorded halted.
create table ha_dead_host (
    host_id          uuid primary key,
    declared_at      timestamptz not null,
    last_heartbeat   timestamptz not null,
    vms_reset        boolean     not null default false
);

-- Protected VMs of dead hosts still to be restarted ('restart' until they run, 'best-effort' once).
create table ha_restart (
    vm_id       uuid primary key,
    failed_host uuid        not null,
    priority    text        not null check (priority in ('restart', 'best-effort')),
    queued_at   timestamptz not null default now(),
    attempts    integer     not null default 0,
    last_error  text,
    reported    boolean     not null default false
);
