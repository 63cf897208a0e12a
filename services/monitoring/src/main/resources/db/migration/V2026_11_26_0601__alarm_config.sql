-- Per-object alarm thresholds (XenServer keeps them in a host's or VM's other_config:perfmon):
-- a null column means the pool default (xenplane.monitoring.alarms.*). A row with both columns
-- null is not kept: clearing an object's thresholds deletes its row.
create table alarm_config (
    object_id         uuid primary key,
    object_class      text             not null check (object_class in ('host', 'vm')),
    -- CPU_USAGE_HIGH above this ratio (0 < x <= 1)
    cpu_usage_above   double precision check (cpu_usage_above > 0 and cpu_usage_above <= 1),
    -- MEMORY_FREE_LOW below this many bytes
    memory_free_below bigint           check (memory_free_below >= 0),
    updated_at        timestamptz      not null default now()
);
