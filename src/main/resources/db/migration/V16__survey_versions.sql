-- Survey versions uploaded by the beheerder (issue 19). The versions shipped in surveys/ are files and are not
-- stored here. A CONCEPT may be replaced or deleted; a GEPUBLICEERD version never changes (the app updates only
-- rows that are still CONCEPT). yaml_text: the file as uploaded (at most 1 MB of UTF-8; MEDIUMTEXT holds 16 MB,
-- TEXT only 64 kB).
CREATE TABLE survey_version (
    survey_id    VARCHAR(100) NOT NULL,
    version      INT          NOT NULL,
    yaml_text    MEDIUMTEXT   NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    uploaded_by  BIGINT       NOT NULL,
    uploaded_at  TIMESTAMP(3) NOT NULL,
    published_by BIGINT       NULL,
    published_at TIMESTAMP(3) NULL,
    CONSTRAINT pk_survey_version PRIMARY KEY (survey_id, version),
    CONSTRAINT fk_survey_version_uploaded_by FOREIGN KEY (uploaded_by) REFERENCES account (id),
    CONSTRAINT fk_survey_version_published_by FOREIGN KEY (published_by) REFERENCES account (id),
    CONSTRAINT ck_survey_version_status CHECK (status IN ('CONCEPT', 'GEPUBLICEERD'))
);
