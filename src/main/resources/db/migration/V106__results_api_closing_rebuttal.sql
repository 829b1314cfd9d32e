-- Issue 14 (results): API token scopes, the change time the core-system API pages by, the closing rule
-- for non-responders and the rebuttal window before a removal is final.

-- What a token may do. Tokens made before scopes existed import the roster, as they always did.
alter table roster_api_token add column scopes varchar(200) not null default 'roster:import';

-- When the current decision last changed (decided, approved, sent back, reopened): the core-system API
-- returns what changed after a point in this order. Earlier rows take their decision time.
alter table review_decision add column changed_at timestamp with time zone;
update review_decision set changed_at = decided_at;
-- A final 削除 stays 削除予定 until this moment (null: final at once, no rebuttal window).
alter table review_decision add column rebuttal_ends_at timestamp with time zone;
-- The member responded within the window: the dependent's review is open again (marked for staff).
alter table review_decision add column rebuttal_at timestamp with time zone;
alter table review_decision add column rebuttal_message varchar(2000);
create index review_decision_changed on review_decision (tenant_id, changed_at, id);

-- The insurer's rebuttal window in days (0: off).
alter table review_setting add column rebuttal_days int not null default 0;

-- What closing does with households that did not submit: HOLD (保留, staff decide) or REMOVE (削除 proposals
-- with 事由 未提出 and 喪失日 the first day of the month after the deadline, through four-eyes approval).
alter table campaign add column non_responder_rule varchar(12) not null default 'HOLD';
alter table campaign add constraint campaign_non_responder_rule check (non_responder_rule in ('HOLD', 'REMOVE'));
