-- A scan brought in from an earlier measurement (on paper, in Word or Excel) rather than filled in in the app:
-- source IMPORT, with who imported it, when and from which file. Its answers and their history stay in answer and
-- answer_change like any other.
ALTER TABLE scan ADD COLUMN source VARCHAR(10) NOT NULL DEFAULT 'APP';
ALTER TABLE scan ADD COLUMN imported_at TIMESTAMP(3) NULL;
ALTER TABLE scan ADD COLUMN imported_by BIGINT NULL;
ALTER TABLE scan ADD COLUMN import_file VARCHAR(255) NULL;
ALTER TABLE scan ADD CONSTRAINT fk_scan_imported_by FOREIGN KEY (imported_by) REFERENCES account (id);
ALTER TABLE scan ADD CONSTRAINT ck_scan_source CHECK (source IN ('APP', 'IMPORT'));

-- An uploaded import file between its dry run and the confirmation: the confirm button names it, and the file is
-- checked again then. One per account and round (a new upload replaces it); removed after the import and with
-- its round. MEDIUMBLOB: up to 16 MB on MariaDB (a BLOB holds only 64 KB); files are at most 10 MB.
CREATE TABLE import_upload (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id   BIGINT       NOT NULL,
    account_id BIGINT       NOT NULL,
    file_name  VARCHAR(255) NOT NULL,
    content    MEDIUMBLOB   NOT NULL,
    created_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_import_upload UNIQUE (round_id, account_id),
    CONSTRAINT fk_import_upload_round FOREIGN KEY (round_id) REFERENCES meetronde (id) ON DELETE CASCADE,
    CONSTRAINT fk_import_upload_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
);
