-- Office contacts (事業所担当者, issue 13): a staff role bound to one or more 事業所コード of its insurer.
-- The offices are codes as the roster and the survey forms carry them (roster_person.office_code,
-- survey_form.office_code); there is no office table, so the codes are checked against the roster when
-- a TENANT_ADMIN assigns them. Runs unchanged on PostgreSQL and H2.
alter table staff_account drop constraint staff_account_role;
alter table staff_account add constraint staff_account_role
    check (role in ('OPERATOR', 'TENANT_ADMIN', 'REVIEWER', 'OFFICE_CONTACT'));

create table staff_office (
    staff_id    bigint      not null references staff_account (id),
    tenant_id   bigint      not null references tenant (id),
    office_code varchar(20) not null,
    constraint staff_office_pk primary key (staff_id, office_code)
);

-- The office contact's progress list pages by (事業所, 記号, 番号) inside their offices, and counts per office
-- and status: both read this index instead of the campaign's every form.
create index survey_form_office_progress on survey_form (tenant_id, campaign_id, office_code, kigo, bango, id);
create index survey_form_office_counts on survey_form (tenant_id, campaign_id, office_code, status);
-- The offices a TENANT_ADMIN picks from: the distinct codes of the insurer's roster.
create index roster_person_office on roster_person (tenant_id, office_code, office_name);
