-- Second factor (TOTP, RFC 6238) per account, and one account per personal ID number.
alter table user_account add column totp_secret varchar(64);
alter table user_account add column totp_enabled_at timestamp;
-- the last time step whose code was accepted: a code is never accepted twice
alter table user_account add column totp_last_step bigint;
alter table user_account add column password_changed_at timestamp;
create unique index uq_user_id_number on user_account (id_number);
