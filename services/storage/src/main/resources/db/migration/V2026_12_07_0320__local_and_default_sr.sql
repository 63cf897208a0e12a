-- The pool's default SR (XenAPI pool.default_SR), kept by the storage service that owns SRs: one row.
-- Destroying or forgetting the SR unsets it.
create table storage_defaults (
    id         smallint primary key check (id = 1),
    default_sr uuid references sr (id) on delete set null
);
insert into storage_defaults (id, default_sr) values (1, null);

-- The local storage of each host, made once after the host joined (LocalSrs): the row is the claim, so
-- that two replicas never make two, a daemon restart or a rejoin never makes a second one, and an SR
-- an administrator destroyed is not made again. sr_id is null while the SR is being made.
create table local_sr (
    host_id    uuid primary key,
    sr_id      uuid,
    path       text        not null,
    created_at timestamptz not null
);
