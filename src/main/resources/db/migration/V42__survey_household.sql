-- The household section: the insured person's own expected annual income (optional), which the
-- 同居 test needs (a dependent living together must earn under half of it).
alter table survey_form add column insured_income bigint;
alter table survey_form add column household_answered boolean not null default false;
