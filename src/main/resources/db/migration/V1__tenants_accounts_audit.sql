-- Runs unchanged on H2 (MODE=MySQL) and on MySQL 8 / MariaDB 10.11.

CREATE TABLE regio (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_regio_name UNIQUE (name)
);

CREATE TABLE gemeente (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    cbs_code   CHAR(6)      NOT NULL,
    name       VARCHAR(100) NOT NULL,
    regio_id   BIGINT       NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_gemeente_cbs_code UNIQUE (cbs_code),
    CONSTRAINT uq_gemeente_name UNIQUE (name),
    CONSTRAINT fk_gemeente_regio FOREIGN KEY (regio_id) REFERENCES regio (id)
);

CREATE TABLE account (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100),
    role          VARCHAR(20)  NOT NULL,
    gemeente_id   BIGINT,
    regio_id      BIGINT,
    active        BOOLEAN      NOT NULL,
    failed_logins INT          NOT NULL,
    locked_until  TIMESTAMP(3) NULL,
    created_at    TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_account_email UNIQUE (email),
    CONSTRAINT fk_account_gemeente FOREIGN KEY (gemeente_id) REFERENCES gemeente (id),
    CONSTRAINT fk_account_regio FOREIGN KEY (regio_id) REFERENCES regio (id),
    CONSTRAINT ck_account_scope CHECK (
        (role = 'BEHEERDER' AND gemeente_id IS NULL AND regio_id IS NULL)
        OR (role = 'COORDINATOR' AND gemeente_id IS NULL AND regio_id IS NOT NULL)
        OR (role = 'ADVISEUR' AND gemeente_id IS NOT NULL AND regio_id IS NULL))
);

-- A browser login or API token; deleting the row ends it at once on every app instance.
CREATE TABLE login_session (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    expires_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_login_session_account FOREIGN KEY (account_id) REFERENCES account (id)
);
CREATE INDEX ix_login_session_account ON login_session (account_id);

-- Only the SHA-256 of the link's token is stored, so a database dump gives no usable links.
CREATE TABLE invitation (
    token_hash CHAR(64)     NOT NULL PRIMARY KEY,
    account_id BIGINT       NOT NULL,
    created_by BIGINT       NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    expires_at TIMESTAMP(3) NOT NULL,
    used_at    TIMESTAMP(3) NULL,
    CONSTRAINT fk_invitation_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_invitation_created_by FOREIGN KEY (created_by) REFERENCES account (id)
);
CREATE INDEX ix_invitation_account ON invitation (account_id);

CREATE TABLE audit_log (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at TIMESTAMP(3)  NOT NULL,
    actor_id    BIGINT,
    actor_email VARCHAR(254),
    action      VARCHAR(60)   NOT NULL,
    subject     VARCHAR(200)  NOT NULL,
    details     VARCHAR(2000) NOT NULL,
    regio_id    BIGINT,
    gemeente_id BIGINT
);
CREATE INDEX ix_audit_log_occurred ON audit_log (occurred_at);
