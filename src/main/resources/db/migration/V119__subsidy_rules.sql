-- The influenza subsidy (issue 15): each insurer's rules per fiscal year (April to March, named by its first
-- year). Dates are Japan dates. Runs unchanged on PostgreSQL and H2.
create table subsidy_rules (
    tenant_id            bigint       not null references tenant (id),
    fiscal_year          int          not null,
    shot_from            date         not null,
    shot_to              date         not null,
    claim_from           date         not null,
    claim_to             date         not null,
    insured_covered      boolean      not null,
    dependents_covered   boolean      not null,
    age_below            int,
    dependent_grade_max  int,
    cap_mode             varchar(12)  not null,
    cap_yen              int          not null,
    two_doses_below_age  int,
    aid_deducted         boolean      not null,
    exclusions           varchar(500) not null,
    payment_route        varchar(15)  not null,
    cutoff               varchar(10)  not null,
    cutoff_day           int          not null,
    updated_at           timestamp with time zone not null,
    constraint subsidy_rules_pk primary key (tenant_id, fiscal_year),
    constraint subsidy_rules_cap_mode check (cap_mode in ('PER_PERSON', 'PER_DOSE')),
    constraint subsidy_rules_route check (payment_route in ('PAYROLL', 'BANK_TRANSFER')),
    constraint subsidy_rules_cutoff check (cutoff in ('WEEKLY', 'MONTHLY'))
);
