-- The task whose long operation holds the VDI (with current_operation), so that a hold left by a task
-- that ended without releasing it (its server crashed) is found and released (StaleVdiHolds).
alter table vdi add column current_task uuid;
