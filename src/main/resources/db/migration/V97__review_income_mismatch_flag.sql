-- Blind double entry of the income (issue 12, screen 7): whether any dependent of the form carries the flag
-- 「収入の不一致」 (the certificate's figure a reviewer entered is off the member's by more than the tolerance),
-- so the review queue can show and filter it. Written by the review module through the survey module when a
-- figure is entered and again when the member resubmits (the member's figure may have changed).
alter table survey_form add column income_mismatch boolean not null default false;
-- The queue's filter 「収入の不一致あり」 pages by key like every tab: the flag as one more equality after the
-- status keeps the rows in submission order, so a page stops after its 50 rows however rare the flag is.
create index survey_form_queue_mismatch on survey_form (tenant_id, campaign_id, status, income_mismatch, submitted_at, id);
