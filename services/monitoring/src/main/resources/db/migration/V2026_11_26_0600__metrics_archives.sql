-- Metrics archives (like xcp-rrdd's RRDs): one row per host or VM holding the compact byte image
-- of all its round-robin archives (see ObjectArchive), not a row per sample. Keyed by the object,
-- not by the host it runs on, so a VM's archives follow it when it migrates.

create table metrics_archive (
    object_id    uuid primary key,
    object_class text        not null check (object_class in ('host', 'vm')),
    -- the host that sent the newest sample (for a VM: where it ran then)
    host_id      uuid        not null,
    image        bytea       not null,
    updated_at   timestamptz not null default now()
);
create index metrics_archive_host on metrics_archive (host_id);

-- Which alarms are raised now, so that a condition raises one message, not one per sample.
create table alarm_state (
    object_id  uuid        not null,
    alarm      text        not null,
    raised_at  timestamptz not null default now(),
    primary key (object_id, alarm)
);
