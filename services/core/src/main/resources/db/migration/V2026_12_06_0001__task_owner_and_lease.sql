-- A task is owned by the replica that runs it (its random id, new at each start) and held by a lease
-- that replica renews while its worker lives. A task still pending or cancelling whose lease has
-- lapsed has no live owner: any replica takes it over and recovers it (org.xenplane.core.task.TaskTakeover).
alter table task add column owner uuid;
alter table task add column lease_until timestamptz;
create index task_unfinished_lease on task (lease_until) where status in ('PENDING', 'CANCELLING');
