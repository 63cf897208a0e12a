-- Test fixture: the columns of the pool service's host table that core's Hosts reads for the
-- storage service. (The storage library does not depend on the pool service; in the all-in-one
-- server the real table comes from the pool's migration of the same version.)
create table host (
    id           uuid primary key,
    name         text    not null,
    daemon_url   text    not null,
    live         boolean not null default true,
    enabled      boolean not null default true,
    memory_total bigint  not null default 0
);
