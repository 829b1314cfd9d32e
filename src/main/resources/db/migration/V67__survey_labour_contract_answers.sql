-- The labour-contract questions (SurveyQuestion SALARY_ONLY and CONTRACT_*): a salary-only dependent's
-- 労働条件通知書 terms, from which the pre-check computes the annual income (保保発1001第3号).
alter table survey_answer add column salary_only boolean not null default false;
alter table survey_answer add column contract_wage_kind varchar(10);
alter table survey_answer add column contract_wage bigint;
alter table survey_answer add column contract_hours_per_day numeric(4, 2);
alter table survey_answer add column contract_days_per_week int;
alter table survey_answer add column contract_allowances bigint;
