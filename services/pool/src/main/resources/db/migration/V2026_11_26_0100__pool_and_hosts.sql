-- The pool, its hosts and the single-use tokens hosts join with.

create table pool (
    id           uuid primary key,
    version      bigint not null default 0,
    name         text   not null,
    description  text   not null default '',
    other_config jsonb  not null default '{}'
);
insert into pool (id, name) values (gen_random_uuid(), 'Xenplane pool');

create table host (
    id                uuid primary key,
    version           bigint      not null default 0,
    pool_id           uuid        not null references pool (id),
    name              text        not null,
    address           text        not null,
    daemon_url        text        not null,
    cpu_count         integer     not null,
    memory_total      bigint      not null,
    memory_free       bigint      not null,
    software_versions jsonb       not null default '{}',
    enabled           boolean     not null default true,
    live              boolean     not null default true,
    last_heartbeat    timestamptz not null,
    joined_at         timestamptz not null
);
create index host_live_heartbeat on host (last_heartbeat) where live;

create table join_token (
    id         uuid primary key,
    version    bigint      not null default 0,
    token_hash text        not null unique,
    created_by text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    host_id    uuid
);
