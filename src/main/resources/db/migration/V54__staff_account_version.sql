-- A staff session remembers the account version it was opened with and is refused as soon as the
-- version in the database differs. Every change of what an account may do (disable, enable, reset,
-- role, tenant, removal, a new password) increments it. Starting at 1 also ends the sessions opened
-- before this column existed: their stored principal has no version and reads as 0.
alter table staff_account add column account_version bigint not null default 1;

-- Removed accounts stay as rows, disabled and without credentials, so their login ID is never given to
-- someone else and the audit log's login IDs keep pointing at one person.
alter table staff_account add column removed_at timestamp with time zone;
