-- Who last reopened a submitted scan, when and why: the advisers see it on the scan and in Mijn quickscans.
ALTER TABLE scan ADD COLUMN reopened_at TIMESTAMP(3) NULL;
ALTER TABLE scan ADD COLUMN reopened_by BIGINT NULL;
ALTER TABLE scan ADD COLUMN reopen_reason VARCHAR(1000) NULL;
ALTER TABLE scan ADD CONSTRAINT fk_scan_reopened_by FOREIGN KEY (reopened_by) REFERENCES account (id);
