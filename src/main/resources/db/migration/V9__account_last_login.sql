-- When an account last logged in (issue 16): shown on the account pages; null for never.
ALTER TABLE account ADD COLUMN last_login_at TIMESTAMP(3) NULL;
