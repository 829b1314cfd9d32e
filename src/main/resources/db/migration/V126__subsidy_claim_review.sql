-- Staff review of influenza subsidy claims (issue 15). Runs unchanged on PostgreSQL and H2.
-- An event row of a staff decision keeps what the reviewer checked and which reason template:
-- checklist: the receipt items ticked on approval (SHOT_DATE,NAME,AMOUNT,CLINIC,WORDING), or BULK
-- for a bulk approval of a clean claim (no item checked by eye); reason_code: the return template.
alter table subsidy_claim_event add column checklist varchar(60);
alter table subsidy_claim_event add column reason_code varchar(30);

-- The duplicate warnings: the same person and shot date, and the same receipt file (SHA-256)
-- anywhere in the insurer.
create index subsidy_claim_person_shot on subsidy_claim (tenant_id, person_id, shot_date);
create index uploaded_document_sha256 on uploaded_document (tenant_id, sha256);
