-- More review settings (issue 12): the reason templates staff pick for a 不備 document, the share of
-- clean forms bulk approval sets aside for individual review, and blind double entry of the income
-- figure with its tolerance. Defaults apply to insurers without a row too (see ReviewSettings.DEFAULT).
alter table review_setting add column reason_templates varchar(4000);
alter table review_setting add column bulk_sample_percent int not null default 5;
alter table review_setting add column blind_income boolean not null default false;
alter table review_setting add column income_tolerance_yen int not null default 10000;
alter table review_setting add constraint review_setting_sample check (bulk_sample_percent between 0 and 100);
alter table review_setting add constraint review_setting_tolerance check (income_tolerance_yen >= 0);
