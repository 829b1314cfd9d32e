-- A newer reset link, a completed reset or a password change revokes every older link of the account.
alter table member_reset_token add column revoked_at timestamp with time zone;
create index member_reset_token_account on member_reset_token (tenant_id, account_id);
