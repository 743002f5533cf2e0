-- What the account holder sees of their own logins on "Mijn sessies" (issue 18): whether a row is a browser login
-- or an API token, the browser it came from (the User-Agent, cut to 200 characters) and when it was last used
-- (written at most once a minute per session). Rows from before this version count as browser logins.
ALTER TABLE login_session ADD COLUMN kind VARCHAR(10) NOT NULL DEFAULT 'BROWSER';
ALTER TABLE login_session ADD COLUMN user_agent VARCHAR(200) NULL;
ALTER TABLE login_session ADD COLUMN last_seen_at TIMESTAMP(3) NULL;
