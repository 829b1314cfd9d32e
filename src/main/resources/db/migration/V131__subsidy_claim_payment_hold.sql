-- 支給の保留: an approved claim an administrator took out of an open batch (a household that cannot be paid
-- yet, a claim to look at again) joins no batch, by cut-off or 今すぐ締める, until it is released.
alter table subsidy_claim add column payment_held_at timestamp with time zone;
alter table subsidy_claim add column payment_held_by varchar(100);
