-- How far the check of an uploaded file has read it, for the progress page. In the table, not in the memory
-- of the node running the import, so that any node can show it.
alter table roster_import add column file_size bigint;
alter table roster_import add column processed_bytes bigint not null default 0;
-- When a running import last showed life; an import on a node that stopped is ended by housekeeping.
alter table roster_import add column heartbeat_at timestamp with time zone;
