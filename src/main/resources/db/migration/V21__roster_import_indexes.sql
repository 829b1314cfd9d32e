-- roster_person_kana (tenant_id, name_kana_key) serves no query: the only search on name_kana_key is an
-- infix match (like '%…%'), which a b-tree cannot use, and tenant_id alone is served by the unique key.
-- Maintaining it was about a quarter of the time of writing a large roster import.
drop index roster_person_kana;
