-- Reminders to the gemeenten of a round that have not submitted (issue 16).
-- reminder_days_before: the round reminds by itself that many days before it closes (NULL: it does not).
-- reminder_claimed_at: when the last reminder was claimed; a conditional UPDATE on it lets one request of two
-- simultaneous ones send. auto_reminder_for: the closing date the automatic reminder was sent for, so that it
-- goes once (and once more only if the round is extended).
ALTER TABLE meetronde ADD COLUMN reminder_days_before INT NULL;
ALTER TABLE meetronde ADD COLUMN reminder_claimed_at TIMESTAMP(3) NULL;
ALTER TABLE meetronde ADD COLUMN auto_reminder_for DATE NULL;
ALTER TABLE meetronde ADD CONSTRAINT ck_meetronde_reminder_days CHECK (reminder_days_before BETWEEN 1 AND 30);

-- Every reminder sent, for the round's page: sent_by NULL for the automatic one.
CREATE TABLE round_reminder (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id   BIGINT       NOT NULL,
    sent_at    TIMESTAMP(3) NOT NULL,
    sent_by    BIGINT       NULL,
    recipients INT          NOT NULL,
    gemeenten  INT          NOT NULL,
    CONSTRAINT fk_round_reminder_round FOREIGN KEY (round_id) REFERENCES meetronde (id),
    CONSTRAINT fk_round_reminder_sent_by FOREIGN KEY (sent_by) REFERENCES account (id)
);
CREATE INDEX ix_round_reminder_round ON round_reminder (round_id, sent_at);
