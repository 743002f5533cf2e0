-- Measurement rounds per regio, one scan per gemeente per round, answers per question with a version.

CREATE TABLE meetronde (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    regio_id          BIGINT       NOT NULL,
    name              VARCHAR(100) NOT NULL,
    kind              VARCHAR(20)  NOT NULL,
    baseline_round_id BIGINT       NULL,
    survey_id         VARCHAR(100) NOT NULL,
    survey_version    INT          NOT NULL,
    opens             DATE         NOT NULL,
    closes            DATE         NOT NULL,
    created_at        TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_meetronde_name UNIQUE (regio_id, name),
    CONSTRAINT fk_meetronde_regio FOREIGN KEY (regio_id) REFERENCES regio (id),
    CONSTRAINT fk_meetronde_baseline FOREIGN KEY (baseline_round_id) REFERENCES meetronde (id),
    CONSTRAINT ck_meetronde_kind CHECK (kind IN ('NULMETING', 'HERHALING')),
    CONSTRAINT ck_meetronde_dates CHECK (opens <= closes)
);

CREATE TABLE scan (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id     BIGINT       NOT NULL,
    gemeente_id  BIGINT       NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL,
    submitted_at TIMESTAMP(3) NULL,
    submitted_by BIGINT       NULL,
    CONSTRAINT uq_scan_round_gemeente UNIQUE (round_id, gemeente_id),
    CONSTRAINT fk_scan_round FOREIGN KEY (round_id) REFERENCES meetronde (id),
    CONSTRAINT fk_scan_gemeente FOREIGN KEY (gemeente_id) REFERENCES gemeente (id),
    CONSTRAINT fk_scan_submitted_by FOREIGN KEY (submitted_by) REFERENCES account (id),
    CONSTRAINT ck_scan_status CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED'))
);
CREATE INDEX ix_scan_gemeente ON scan (gemeente_id);

-- The version makes every save conditional on what the saver saw, so that no colleague's answer is overwritten.
CREATE TABLE answer (
    scan_id      BIGINT        NOT NULL,
    question_key VARCHAR(100)  NOT NULL,
    answer_value VARCHAR(1000) NULL,
    comment      TEXT          NULL,
    version      INT           NOT NULL,
    updated_by   BIGINT        NOT NULL,
    updated_at   TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (scan_id, question_key),
    CONSTRAINT fk_answer_scan FOREIGN KEY (scan_id) REFERENCES scan (id),
    CONSTRAINT fk_answer_updated_by FOREIGN KEY (updated_by) REFERENCES account (id)
);

CREATE TABLE answer_change (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    scan_id      BIGINT        NOT NULL,
    question_key VARCHAR(100)  NOT NULL,
    version      INT           NOT NULL,
    old_value    VARCHAR(1000) NULL,
    new_value    VARCHAR(1000) NULL,
    old_comment  TEXT          NULL,
    new_comment  TEXT          NULL,
    changed_by   BIGINT        NOT NULL,
    changed_at   TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_answer_change_scan FOREIGN KEY (scan_id) REFERENCES scan (id),
    CONSTRAINT fk_answer_change_by FOREIGN KEY (changed_by) REFERENCES account (id)
);
CREATE INDEX ix_answer_change_question ON answer_change (scan_id, question_key);
