-- A second factor (TOTP, issue 18) per account: the secret sealed with the app's key; confirmed_at null while
-- it is being set up; last_step is the last time step whose code was accepted, so that no code counts twice.
CREATE TABLE second_factor (
    account_id    BIGINT       NOT NULL PRIMARY KEY,
    secret_sealed VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP(3) NOT NULL,
    confirmed_at  TIMESTAMP(3) NULL,
    last_step     BIGINT       NOT NULL,
    CONSTRAINT fk_second_factor_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- Single-use recovery codes: only their SHA-256 is stored.
CREATE TABLE recovery_code (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    code_hash  CHAR(64)     NOT NULL,
    used_at    TIMESTAMP(3) NULL,
    CONSTRAINT fk_recovery_code_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_recovery_code_account ON recovery_code (account_id);

-- Between a right password and the code: a short-lived, single-use step, not a session (SHA-256 of its token).
CREATE TABLE login_challenge (
    token_hash CHAR(64)     NOT NULL PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    expires_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_login_challenge_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_login_challenge_account ON login_challenge (account_id);
