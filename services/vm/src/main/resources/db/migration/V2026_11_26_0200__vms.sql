-- VMs, templates and snapshots (XenAPI VM with its VM_metrics), and the domains hosts report
-- that belong to no VM. Memory in bytes.

create table vm (
    id                  uuid primary key,
    version             bigint      not null default 0,
    name                text        not null,
    description         text        not null default '',
    is_a_template       boolean     not null default false,
    is_default_template boolean     not null default false,
    is_a_snapshot       boolean     not null default false,
    snapshot_of         uuid,
    snapshot_time       timestamptz,
    parent              uuid,
    power_state         text        not null default 'HALTED'
                                    check (power_state in ('HALTED', 'PAUSED', 'RUNNING', 'SUSPENDED')),
    -- where the domain runs (running, paused)
    resident_on         uuid,
    -- where memory is reserved for a start, a resume or an incoming migration
    scheduled_to        uuid,
    -- which host holds the suspend image (suspended)
    suspended_on        uuid,
    affinity            uuid,
    -- bytes this VM holds on resident_on and on scheduled_to: static max plus the domain's overhead
    memory_reserved     bigint      not null default 0,
    memory_static_min   bigint      not null,
    memory_static_max   bigint      not null,
    memory_dynamic_min  bigint      not null,
    memory_dynamic_max  bigint      not null,
    vcpus_max           integer     not null,
    vcpus_at_startup    integer     not null,
    domain_type         text        not null check (domain_type in ('pv', 'pvh', 'hvm')),
    kernel              text,
    ramdisk             text,
    cmdline             text,
    boot_order          text,
    platform            jsonb       not null default '{}',
    other_config        jsonb       not null default '{}',
    tags                jsonb       not null default '[]',
    -- the one operation in progress and its task (XenAPI current_operations)
    current_operation   text,
    current_task        uuid,
    -- VM_metrics while a domain exists
    domid               integer,
    start_time          timestamptz,
    vcpus_online        integer,
    memory_actual       bigint,
    -- the resident host's domain generation when this record last matched it (reconciliation)
    host_generation     bigint      not null default 0,
    created_at          timestamptz not null default now(),
    check (memory_static_min <= memory_dynamic_min and memory_dynamic_min <= memory_dynamic_max
           and memory_dynamic_max <= memory_static_max),
    check (vcpus_at_startup between 1 and vcpus_max),
    check (power_state not in ('RUNNING', 'PAUSED') or resident_on is not null),
    check (power_state <> 'SUSPENDED' or suspended_on is not null)
);
create index vm_resident_on on vm (resident_on) where resident_on is not null;
create index vm_scheduled_to on vm (scheduled_to) where scheduled_to is not null;
create index vm_snapshot_of on vm (snapshot_of) where snapshot_of is not null;
create index vm_name on vm (name, id);

-- Domains a host reported that belong to no VM there: reported once, left alone.
create table unknown_domain (
    host_id     uuid        not null,
    domain_uuid uuid        not null,
    domid       integer     not null,
    first_seen  timestamptz not null default now(),
    primary key (host_id, domain_uuid)
);
