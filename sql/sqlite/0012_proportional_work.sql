-- Work proportional to change (docs/operations.md, "What a night recomputes"). Every key a per-chamber step uses to
-- look up or delete rows is indexed, so a chamber's computation costs what its own rows cost, not the warehouse's.

-- the rule lineage of computed achievement is found (and deleted) through the facts that point at it
CREATE INDEX ix_kpi_achievement_lineage ON fact_kpi_achievement (lineage_id);
CREATE INDEX ix_objective_achievement_lineage ON fact_objective_achievement (lineage_id);
-- deleting a lineage row checks every table that references it (foreign keys): by index, not by a scan of the facts
CREATE INDEX ix_kpi_target_lineage ON fact_kpi_target (lineage_id);
CREATE INDEX ix_kpi_measurement_lineage ON fact_kpi_measurement (lineage_id);
CREATE INDEX ix_doc_objective_lineage ON doc_objective (lineage_id);
CREATE INDEX ix_doc_kpi_lineage ON doc_kpi (lineage_id);
-- a plan's computed facts of a period are replaced by KPI / objective
CREATE INDEX ix_kpi_achievement_kpi ON fact_kpi_achievement (kpi_id, period_id);
CREATE INDEX ix_objective_achievement_objective ON fact_objective_achievement (objective_id, period_id);
-- a plan's current targets and actuals are read by KPI
CREATE INDEX ix_kpi_target_kpi ON fact_kpi_target (kpi_id, period_id);
CREATE INDEX ix_kpi_measurement_kpi ON fact_kpi_measurement (kpi_id, period_id);
-- what a document says about an objective / a KPI, by objective / KPI
CREATE INDEX ix_doc_objective_objective ON doc_objective (objective_id);
CREATE INDEX ix_doc_kpi_kpi ON doc_kpi (kpi_id);
CREATE INDEX ix_kpi_objective ON dim_kpi (objective_id);
-- a chamber's documents, a plan's documents, a logical document's versions (current or not)
CREATE INDEX ix_document_chamber ON dim_document (chamber_id);
CREATE INDEX ix_document_plan ON dim_document (plan_id);
CREATE INDEX ix_document_logical_key ON dim_document (logical_key);
-- a run's quarantined records, a chamber's alerts
CREATE INDEX ix_quarantine_run ON quarantine (run_id);
CREATE INDEX ix_alert_chamber ON alert (chamber_code, status);

-- What each per-chamber step last computed from: a fingerprint of its inputs (the chamber's documents and their
-- review state, its targets and measurements, the policy or alert configuration, the year or the day). A night
-- whose fingerprint equals the stored one skips the step ("unchanged").
CREATE TABLE chamber_step_inputs (
    chamber_code TEXT NOT NULL,
    step         TEXT NOT NULL,                  -- achievement | alerts
    fingerprint  TEXT NOT NULL,                  -- part=hash;part=hash (Pipeline.Core.Incremental.InputsFingerprint)
    computed_at  TEXT NOT NULL,
    PRIMARY KEY (chamber_code, step)
);
