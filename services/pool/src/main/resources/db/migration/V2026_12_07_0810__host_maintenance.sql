-- A host disabled and emptied by host.enter_maintenance (XenCenter's maintenance mode), until enabled again.
alter table host add column maintenance boolean not null default false;
