-- The disks a template gives each VM made from it (XAPI's VM.provision; XenServer keeps them in
-- other_config:disks): a JSON list of {virtualSize, srId, bootable, userdevice}.
alter table vm add column provision_disks jsonb not null default '[]';
