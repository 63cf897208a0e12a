-- Core tables shared by every service: the event outbox, tasks, credentials, the pool secret.

create sequence event_id_seq;

create table event (
    id           bigint primary key,
    object_class text        not null,
    operation    text        not null check (operation in ('add', 'mod', 'del')),
    object_id    uuid        not null,
    snapshot     jsonb,
    created_at   timestamptz not null default now()
);
create index event_created_at on event (created_at);

-- Events at or below pruned_through have been deleted; a token older than that is EVENTS_LOST.
create table event_horizon (
    singleton      boolean primary key default true check (singleton),
    pruned_through bigint  not null default 0
);
insert into event_horizon (singleton, pruned_through) values (true, 0);

create table task (
    id               uuid primary key,
    version          bigint           not null default 0,
    operation        text             not null,
    target_class     text,
    target_id        uuid,
    status           text             not null check (status in ('PENDING', 'SUCCESS', 'FAILURE', 'CANCELLING', 'CANCELLED')),
    progress         double precision not null default 0,
    created_at       timestamptz      not null,
    finished_at      timestamptz,
    result_class     text,
    result_id        uuid,
    error_code       text,
    error_params     jsonb,
    idempotency_key  text,
    created_by       text             not null,
    cancel_requested boolean          not null default false
);
create unique index task_idempotency on task (created_by, idempotency_key) where idempotency_key is not null;
create index task_created_at on task (created_at);

create table credential (
    id         uuid primary key,
    version    bigint      not null default 0,
    kind       text        not null check (kind in ('USER', 'HOST')),
    subject    text        not null,
    name       text        not null,
    role       text,
    token_hash text        not null unique,
    created_at timestamptz not null,
    expires_at timestamptz,
    revoked_at timestamptz
);
create index credential_subject on credential (kind, subject);

create table pool_secret (
    name  text primary key,
    value bytea not null
);
