-- The regio's own scan of a round: one per round, holding the answers to the survey's regio-scoped statements,
-- which count for every gemeente of the round. It belongs to the regio (regio_id) and to no gemeente; a gemeente's
-- scan has gemeente_id and no regio_id. Answers and their history stay in answer and answer_change.
ALTER TABLE scan MODIFY gemeente_id BIGINT NULL;
ALTER TABLE scan ADD COLUMN regio_id BIGINT NULL;
ALTER TABLE scan ADD CONSTRAINT fk_scan_regio FOREIGN KEY (regio_id) REFERENCES regio (id);
-- Several NULLs are allowed in a unique key on both databases: one regio scan per round, any number of gemeente scans.
ALTER TABLE scan ADD CONSTRAINT uq_scan_round_regio UNIQUE (round_id, regio_id);
ALTER TABLE scan ADD CONSTRAINT ck_scan_owner CHECK ((gemeente_id IS NULL) <> (regio_id IS NULL));
