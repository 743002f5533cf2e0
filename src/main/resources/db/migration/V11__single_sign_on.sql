-- Single sign-on (issue 18): the identity provider an account last signed in through; null: only its own password.
ALTER TABLE account ADD COLUMN sso_provider VARCHAR(40) NULL;

-- The ID token of a login through an identity provider, kept on the server (never in a cookie) for the provider's
-- logout (id_token_hint); it goes when its login session goes.
CREATE TABLE sso_session (
    session_id CHAR(36)    NOT NULL PRIMARY KEY,
    provider   VARCHAR(40) NOT NULL,
    id_token   TEXT        NOT NULL,
    CONSTRAINT fk_sso_session_login FOREIGN KEY (session_id) REFERENCES login_session (id) ON DELETE CASCADE
);
