-- Alerts on monitoring data that is due but missing (docs/alerts.md). One open alert per rule + chamber + subject +
-- period (a partial unique index): raised when the data is overdue, escalated after some days, resolved when it
-- arrives; resolved alerts stay as history.
CREATE TABLE alert (
    alert_id      INTEGER PRIMARY KEY,
    rule          TEXT NOT NULL,                 -- monitoring-due | document-missing
    chamber_code  TEXT NOT NULL,
    subject       TEXT NOT NULL,                 -- kpi:<kpi_id> | doc:<doc_type>
    subject_label TEXT NOT NULL,                 -- the KPI's name, the document's kind
    period        TEXT NOT NULL,                 -- 2021-S1, 2021
    due_date      TEXT NOT NULL,                  -- the last day on time (grace included)
    severity      TEXT NOT NULL,                 -- warning | critical (escalated)
    status        TEXT NOT NULL,                 -- open | escalated | resolved
    raised_at     TEXT NOT NULL,
    escalated_at  TEXT,
    resolved_at   TEXT,
    run_id        INTEGER REFERENCES etl_run (run_id),
    message       TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_alert_open ON alert (rule, chamber_code, subject, period) WHERE status <> 'resolved';

-- The alerts not resolved, for BI.
CREATE VIEW v_alert_open AS
SELECT alert_id, rule, chamber_code, subject_label AS subject, period, due_date, severity, status, raised_at, escalated_at, message
FROM alert WHERE status <> 'resolved';
