-- 保保発1001第3号 (from 2026-04-01): a salary-only dependent's income is judged from the labour contract. A
-- tenant's dated set says whether that rule applies and how many weeks a year the contract counts; sets made
-- before this migration follow the law (on from 2026-04-01, 52 weeks).
alter table eligibility_parameters add column labour_contract_rule boolean not null default false;
alter table eligibility_parameters add column contract_weeks_per_year int not null default 52;
update eligibility_parameters set labour_contract_rule = true where valid_from >= date '2026-04-01';
