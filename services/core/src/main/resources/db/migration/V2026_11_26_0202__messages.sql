-- Messages (XenAPI message): what the system tells administrators about an object, e.g. that a
-- VM's domain vanished or a guest crashed. Kept in core beside tasks and events; any service posts.

create table message (
    id           uuid primary key,
    name         text        not null,
    priority     integer     not null check (priority between 1 and 5),
    object_class text        not null,
    object_id    uuid        not null,
    body         text        not null,
    created_at   timestamptz not null default now()
);
create index message_object on message (object_class, object_id);
create index message_created_at on message (created_at);
