-- The reminder before a fiscal year's claim window closes, sent once per deadline (a deadline moved by
-- the insurer gets its own): the primary key refuses a second run on another node or after a restart.
create table subsidy_deadline_reminder_run (
    tenant_id     bigint       not null references tenant (id),
    fiscal_year   int          not null,
    claim_to      date         not null,
    ran_at        timestamp with time zone not null,
    mails         int          not null default 0,
    constraint subsidy_deadline_reminder_run_pk primary key (tenant_id, fiscal_year, claim_to)
);
