-- The audit log's filters (issue 16): its tabs and kinds of event, and a gemeente, each newest first.
CREATE INDEX ix_audit_log_action ON audit_log (action, occurred_at);
CREATE INDEX ix_audit_log_gemeente ON audit_log (gemeente_id, occurred_at);
