-- Removal notices and the dashboard (issue 14). The insurer's details the 資格喪失証明書 prints (保険者番号, the
-- 8 digits on the card; 所在地 under the seal area) and the average annual cost per dependent the dashboard
-- multiplies the removals by for the estimated cost avoided. No row: nothing is printed or estimated.
create table notice_setting (
    tenant_id                bigint       primary key references tenant (id),
    insurer_number           varchar(8),
    insurer_address          varchar(200),
    annual_cost_yen          bigint,
    updated_at               timestamp with time zone not null,
    constraint notice_setting_cost check (annual_cost_yen is null or annual_cost_yen >= 0)
);
