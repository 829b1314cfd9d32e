-- A refused mail finds its household in the journal by the outbox ID (BouncedOutreach, issue 13).
create index outreach_journal_outbox on outreach_journal (tenant_id, outbox_id);
