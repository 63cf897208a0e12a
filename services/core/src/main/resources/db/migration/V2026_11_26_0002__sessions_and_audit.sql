-- Sessions and API tokens are credentials too; the audit log is written by every service.

alter table credential add column purpose text not null default 'API_TOKEN'
    check (purpose in ('SESSION', 'API_TOKEN', 'HOST'));
alter table credential add column last_used_at timestamptz;
alter table credential add column idle_timeout_seconds integer;
alter table credential add column created_from text;
update credential set purpose = 'HOST' where kind = 'HOST';
create index credential_sessions on credential (subject, created_at) where purpose = 'SESSION' and revoked_at is null;

create table audit (
    id          bigserial primary key,
    at          timestamptz not null default now(),
    subject     text        not null,
    caller_kind text        not null,
    source      text        not null,
    operation   text        not null,
    target      text,
    outcome     text        not null check (outcome in ('success', 'failure')),
    http_status integer     not null,
    error_code  text
);
create index audit_at on audit (at);
create index audit_subject_at on audit (subject, at);
