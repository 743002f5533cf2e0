-- A row of invitation is a single-use link to choose a password: an invitation of a new account or, for an
-- account that has a password, a password reset link mailed to the account's own address.
ALTER TABLE invitation ADD COLUMN purpose VARCHAR(20) NOT NULL DEFAULT 'INVITATION';
