-- Issue 16 item 7: every upload is scanned by ClamAV before staff may open it. Files uploaded before
-- scanning existed (and every file while kennin.antivirus.enabled is off) are CLEAN; a new upload with
-- scanning on starts PENDING (quarantine) and becomes CLEAN or INFECTED once clamd has answered. The
-- state is here, not in memory, so a restart or another node picks up what is still waiting.
alter table uploaded_document add column scan_status varchar(16) default 'CLEAN' not null;
alter table uploaded_document add column scan_signature varchar(200);
alter table uploaded_document add column scan_attempts int default 0 not null;
alter table uploaded_document add column scanned_at timestamp with time zone;
create index uploaded_document_scan on uploaded_document (scan_status, id);
