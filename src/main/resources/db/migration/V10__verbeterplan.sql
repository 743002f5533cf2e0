-- The verbeterplan: a gemeente's actions, kept across rounds, each aimed at statements of the scan it was made
-- from; versioned like answers, so that a colleague's change is never overwritten. The statements' keys are one
-- space-separated list (keys have no spaces; an action aims at a few at most).

CREATE TABLE plan_action (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    gemeente_id    BIGINT        NOT NULL,
    source_scan_id BIGINT        NOT NULL,
    title          VARCHAR(200)  NOT NULL,
    description    TEXT          NULL,
    question_keys  VARCHAR(2100) NOT NULL,
    owner          VARCHAR(200)  NULL,
    partners       VARCHAR(1000) NULL,
    due            DATE          NULL,
    status         VARCHAR(20)   NOT NULL,
    shared         BOOLEAN       NOT NULL,
    version        INT           NOT NULL,
    created_by     BIGINT        NOT NULL,
    created_at     TIMESTAMP(3)  NOT NULL,
    updated_by     BIGINT        NOT NULL,
    updated_at     TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_plan_action_gemeente FOREIGN KEY (gemeente_id) REFERENCES gemeente (id),
    CONSTRAINT fk_plan_action_scan FOREIGN KEY (source_scan_id) REFERENCES scan (id),
    CONSTRAINT fk_plan_action_created_by FOREIGN KEY (created_by) REFERENCES account (id),
    CONSTRAINT fk_plan_action_updated_by FOREIGN KEY (updated_by) REFERENCES account (id),
    CONSTRAINT ck_plan_action_status CHECK (status IN ('GEPLAND', 'BEZIG', 'AFGEROND', 'GESTOPT'))
);
CREATE INDEX ix_plan_action_gemeente ON plan_action (gemeente_id);

CREATE TABLE plan_action_note (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    action_id  BIGINT       NOT NULL,
    text       TEXT         NOT NULL,
    written_by BIGINT       NOT NULL,
    written_at TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_plan_action_note_action FOREIGN KEY (action_id) REFERENCES plan_action (id),
    CONSTRAINT fk_plan_action_note_by FOREIGN KEY (written_by) REFERENCES account (id)
);
CREATE INDEX ix_plan_action_note_action ON plan_action_note (action_id);

-- The history of an action: per version who changed it, when, and what changed, in words.
CREATE TABLE plan_action_change (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    action_id  BIGINT        NOT NULL,
    version    INT           NOT NULL,
    summary    VARCHAR(2000) NOT NULL,
    changed_by BIGINT        NOT NULL,
    changed_at TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_plan_action_change_action FOREIGN KEY (action_id) REFERENCES plan_action (id),
    CONSTRAINT fk_plan_action_change_by FOREIGN KEY (changed_by) REFERENCES account (id)
);
CREATE INDEX ix_plan_action_change_action ON plan_action_change (action_id);
