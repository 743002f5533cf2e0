-- Every scan an action has been aimed from: the one it was made from and each one it was carried over to. The
-- herhaling's check of the plan lists the actions of its nulmeting's scan, also those carried over since.
CREATE TABLE plan_action_scan (
    action_id BIGINT NOT NULL,
    scan_id   BIGINT NOT NULL,
    CONSTRAINT pk_plan_action_scan PRIMARY KEY (action_id, scan_id),
    CONSTRAINT fk_plan_action_scan_action FOREIGN KEY (action_id) REFERENCES plan_action (id),
    CONSTRAINT fk_plan_action_scan_scan FOREIGN KEY (scan_id) REFERENCES scan (id)
);
CREATE INDEX ix_plan_action_scan_scan ON plan_action_scan (scan_id);

INSERT INTO plan_action_scan (action_id, scan_id) SELECT id, source_scan_id FROM plan_action;
