-- PostgreSQL only (db/vendor/postgresql); H2, the embedded setup, keeps the plain foreign key.
--
-- The foreign key roster_person.tenant_id → tenant checked every inserted row on its own: for a roster of
-- 250,000 people, 250,000 look-ups and row locks on tenant, about 0.9 s, a third of a whole import.
-- (A statement-level check over a transition table still cost 0.3 s: every new row is copied into it.)
-- The same guarantees are now kept where they are cheap:
--   * rows are inserted by the roster importer, which first locks its tenant row (FOR NO KEY UPDATE) for
--     the whole import: the tenant exists, and cannot be deleted until the import has committed;
--   * a tenant that still has roster rows cannot be deleted, nor its id changed (trigger on tenant);
--   * roster_person.tenant_id cannot be changed to a tenant that does not exist (trigger on the column;
--     Kennin never changes it).
-- What is given up: a hand-written INSERT naming a non-existent tenant is not refused by the database.
alter table roster_person drop constraint roster_person_tenant_id_fkey;

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

-- Runs after the row lock on tenant is taken, so a delete that waited for a running import sees its rows.
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
