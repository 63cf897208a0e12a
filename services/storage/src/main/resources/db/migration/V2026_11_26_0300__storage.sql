-- Storage: SRs, their attachments to hosts (PBDs), disks (VDIs) and VMs' disk slots (VBDs).
-- host_id and vm_id name rows of tables other services own (host: pool; vm: the VM service),
-- so they carry no foreign key: each service's tables change on their own.

create table sr (
    id                   uuid primary key,
    version              bigint      not null default 0,
    name                 text        not null,
    description          text        not null default '',
    type                 text        not null,
    content_type         text        not null default 'user',
    shared               boolean     not null,
    host_id              uuid,
    device_config        jsonb       not null default '{}',
    physical_size        bigint      not null default 0,
    physical_utilisation bigint      not null default 0,
    virtual_allocation   bigint      not null default 0,
    created_at           timestamptz not null,
    check (shared or host_id is not null)
);

create table pbd (
    id                 uuid primary key,
    version            bigint  not null default 0,
    sr_id              uuid    not null references sr (id),
    host_id            uuid    not null,
    device_config      jsonb   not null default '{}',
    currently_attached boolean not null default false,
    unique (sr_id, host_id)
);
create index pbd_host on pbd (host_id);

create table vdi (
    id                   uuid primary key,
    version              bigint      not null default 0,
    sr_id                uuid        not null references sr (id),
    name                 text        not null,
    description          text        not null default '',
    type                 text        not null check (type in ('USER', 'SYSTEM', 'SUSPEND')),
    virtual_size         bigint      not null check (virtual_size > 0),
    physical_utilisation bigint      not null default 0,
    sharable             boolean     not null default false,
    read_only            boolean     not null default false,
    -- false for the hidden bases of snapshot chains (XenAPI managed)
    managed              boolean     not null default true,
    is_snapshot          boolean     not null default false,
    snapshot_of          uuid,
    snapshot_time        timestamptz,
    parent_id            uuid references vdi (id),
    chain_depth          integer     not null default 1 check (chain_depth >= 1),
    missing              boolean     not null default false,
    -- a long operation holding the VDI (copy, import, export, resize), or null
    current_operation    text,
    created_at           timestamptz not null
);
create index vdi_sr on vdi (sr_id);
create index vdi_parent on vdi (parent_id);

create table vbd (
    id                 uuid primary key,
    version            bigint  not null default 0,
    vm_id              uuid    not null,
    vdi_id             uuid references vdi (id),
    userdevice         integer not null check (userdevice between 0 and 15),
    device             text    not null,
    mode               text    not null check (mode in ('RO', 'RW')),
    type               text    not null check (type in ('DISK', 'CD')),
    bootable           boolean not null default false,
    empty              boolean not null default false,
    currently_attached boolean not null default false,
    attached_host_id   uuid,
    unique (vm_id, userdevice),
    check (empty = (vdi_id is null)),
    check (type = 'CD' or not empty),
    check (currently_attached = (attached_host_id is not null))
);
create index vbd_vdi on vbd (vdi_id);
