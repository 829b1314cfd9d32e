-- 保保発1001第3号 (from 2026-04-01): a salary-only dependent's income is judged from the labour contract. Each
-- dated set of a tenant says from which reference date that rule applies (null: never) and how many weeks a
-- year the contract counts; sets made before this migration follow the law.
alter table eligibility_parameters add column labour_contract_from date default date '2026-04-01';
alter table eligibility_parameters add column contract_weeks_per_year int not null default 52;
