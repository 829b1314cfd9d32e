-- Letters (issue 13): the roster's optional postal columns, and each insurer's letter settings.
-- The address belongs to the insured person's row (本人); family rows leave it empty.
alter table roster_person add column postal_code varchar(8);
alter table roster_person add column address1 varchar(100);
alter table roster_person add column address2 varchar(100);
alter table roster_person add column addressee varchar(100);

-- The return address printed on every letter of an insurer (the name is the insurer's own).
create table letter_setting (
    tenant_id      bigint       not null primary key references tenant (id),
    postal_code    varchar(8),
    address        varchar(200),
    updated_at     timestamp with time zone not null
);

-- The words of each letter kind (INVITATION 案内, REMINDER 督促, FINAL_NOTICE 最終督促); a kind without
-- a row prints the default texts of the message bundle.
create table letter_text (
    tenant_id      bigint       not null references tenant (id),
    kind           varchar(20)  not null,
    title          varchar(100) not null,
    body           varchar(4000) not null,
    updated_at     timestamp with time zone not null,
    constraint letter_text_pk primary key (tenant_id, kind),
    constraint letter_text_kind check (kind in ('INVITATION', 'REMINDER', 'FINAL_NOTICE'))
);
