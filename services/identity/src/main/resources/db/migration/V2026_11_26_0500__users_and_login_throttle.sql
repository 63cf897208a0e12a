-- Local users (XenAPI subjects with roles) and the failed-login counters behind the lock-out.

create table app_user (
    id                  uuid primary key,
    version             bigint      not null default 0,
    name                text        not null unique,
    full_name           text        not null default '',
    enabled             boolean     not null default true,
    role                text        not null,
    password_hash       text        not null,
    created_at          timestamptz not null,
    password_changed_at timestamptz not null
);

-- One row per user name ('user:<name>') and per source address ('addr:<ip>').
create table login_failure (
    key             text primary key,
    failures        integer     not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz
);
