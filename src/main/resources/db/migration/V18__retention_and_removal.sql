-- Retention and removal (issue 20).
-- removed_at: when the account was removed; its row stays so that history, plans and the audit log keep their
-- references, but its name and e-mail address are replaced by "voormalig account" (the address by a placeholder
-- per id, as addresses are unique).
ALTER TABLE account ADD COLUMN removed_at TIMESTAMP(3) NULL;
-- retention_notice_at: when the regio's coordinators were told that the round will be deleted after the retention
-- period (or, without a mail server, when that was logged); claimed with a conditional UPDATE, so that of several
-- instances one announces it, once. The round is deleted no sooner than 30 days after it.
ALTER TABLE meetronde ADD COLUMN retention_notice_at TIMESTAMP(3) NULL;
