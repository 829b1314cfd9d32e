-- PostgreSQL only (db/vendor/postgresql). A foreign key checks every inserted row on its own: for a roster
-- of 250,000 people that is 250,000 look-ups and row locks on tenant, about 0.9 s, the largest single cost
-- of an import. The same rule is kept with one set-based check per statement instead:
--   * rows inserted into roster_person must name an existing tenant (checked once per INSERT/COPY/MERGE
--     statement over all of its new rows),
--   * an update of roster_person.tenant_id must name an existing tenant (the importer never changes it),
--   * a tenant that still has roster rows cannot be deleted, nor its id changed.
-- The importer also locks its tenant row (FOR NO KEY UPDATE) for the whole import, so a tenant cannot
-- disappear under a running import. H2 (the embedded setup) keeps the plain foreign key.
alter table roster_person drop constraint roster_person_tenant_id_fkey;

-- Like a foreign key, the checks lock each referenced tenant row FOR KEY SHARE, so that a concurrent delete of
-- the tenant waits for this transaction and then sees its rows.
create function roster_person_tenant_exists() returns trigger language plpgsql as $$
declare
    referenced bigint;
begin
    for referenced in select distinct n.tenant_id from inserted_rows n loop
        perform 1 from tenant t where t.id = referenced for key share;
        if not found then
            raise foreign_key_violation using message = 'roster_person.tenant_id names no tenant',
                constraint = 'roster_person_tenant_check';
        end if;
    end loop;
    return null;
end $$;

create trigger roster_person_tenant_exists after insert on roster_person
    referencing new table as inserted_rows for each statement execute function roster_person_tenant_exists();

create function roster_person_tenant_moved() returns trigger language plpgsql as $$
begin
    if new.tenant_id is distinct from old.tenant_id then
        perform 1 from tenant t where t.id = new.tenant_id for key share;
        if not found then
            raise foreign_key_violation using message = 'roster_person.tenant_id names no tenant',
                constraint = 'roster_person_tenant_check';
        end if;
    end if;
    return new;
end $$;

create trigger roster_person_tenant_moved before update of tenant_id on roster_person
    for each row execute function roster_person_tenant_moved();

create function tenant_roster_kept() returns trigger language plpgsql as $$
begin
    if (tg_op = 'DELETE' or new.id is distinct from old.id)
            and exists (select 1 from roster_person p where p.tenant_id = old.id) then
        raise foreign_key_violation using message = 'tenant still has roster rows',
            constraint = 'roster_person_tenant_check';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger tenant_roster_kept before delete or update of id on tenant
    for each row execute function tenant_roster_kept();
