-- Members' influenza subsidy claims (issue 15). A claim is kept as DRAFT (下書き) from the first
-- 確認へ until it is sent, so the receipt file (slot 'subsidy-receipt:<claim id>') has a claim to
-- belong to and nothing typed or uploaded is lost between the form, the upload and the send. A draft
-- has no receipt number (受付番号) and no sending time yet; staff never see drafts.
-- member_checked: the receipt items the member confirmed before sending (SHOT_DATE,NAME,AMOUNT,CLINIC,WORDING).
-- Runs unchanged on PostgreSQL and H2.
alter table subsidy_claim drop constraint subsidy_claim_status;
alter table subsidy_claim add constraint subsidy_claim_status check (status in
    ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'APPROVED', 'RETURNED', 'REJECTED', 'WITHDRAWN', 'PAID'));
alter table subsidy_claim alter column receipt_number drop not null;
alter table subsidy_claim alter column submitted_at drop not null;
alter table subsidy_claim add column member_checked varchar(60);
create index subsidy_claim_member on subsidy_claim (member_account_id, fiscal_year);
