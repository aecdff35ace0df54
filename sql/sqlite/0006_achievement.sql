-- Computed achievement (`pipeline achievements`, docs/achievement.md). A computation covers one chamber plan and one
-- period under a named policy; computing again replaces its rows. Computed rows have basis 'computed', the policy's
-- name and the rule applied with its arithmetic; the figures a document prints keep basis 'reported'.
ALTER TABLE fact_kpi_achievement ADD COLUMN policy TEXT;
ALTER TABLE fact_kpi_achievement ADD COLUMN rule TEXT;
ALTER TABLE fact_objective_achievement ADD COLUMN policy TEXT;
ALTER TABLE fact_objective_achievement ADD COLUMN rule TEXT;
ALTER TABLE fact_objective_achievement ADD COLUMN kpis INTEGER;
ALTER TABLE fact_objective_achievement ADD COLUMN kpis_measured INTEGER;

-- The whole chamber's figure for a plan and period (the mean of its areas under the policy).
CREATE TABLE fact_chamber_achievement (
    chamber_achievement_id INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES dim_plan (plan_id),
    period_id      INTEGER NOT NULL REFERENCES dim_period (period_id),
    basis          TEXT NOT NULL,
    policy         TEXT NOT NULL,
    achievement    REAL,
    kpis           INTEGER NOT NULL,
    kpis_measured  INTEGER NOT NULL,
    rule           TEXT NOT NULL,
    computed_at    TEXT NOT NULL,
    UNIQUE (plan_id, period_id, basis)
);

-- Each objective's path from its root (the area), as printed codes: "AS.01 › OS.01.01 › OP.01.01.01".
CREATE VIEW v_objective_path AS
WITH RECURSIVE paths (objective_id, root_id, path) AS (
    SELECT objective_id, objective_id, COALESCE(code, title) FROM dim_objective WHERE parent_objective_id IS NULL
    UNION ALL
    SELECT o.objective_id, p.root_id, p.path || ' › ' || COALESCE(o.code, o.title)
    FROM dim_objective o JOIN paths p ON o.parent_objective_id = p.objective_id
)
SELECT objective_id, root_id, path FROM paths;

-- One row per KPI and period with a computed achievement: chamber, area, objective path, target, actual, score.
CREATE VIEW v_kpi_achievement AS
SELECT c.code            AS chamber_code,
       c.name            AS chamber,
       pl.cycle_from     AS plan_from,
       pl.cycle_to       AS plan_to,
       ar.title          AS area,
       pa.path           AS objective_path,
       o.code            AS objective_code,
       o.title           AS objective,
       k.kpi_id          AS kpi_id,
       k.code            AS kpi_code,
       k.name            AS kpi,
       pe.code           AS period,
       pe.year           AS year,
       kp.target_text    AS target,
       kp.actual_text    AS actual,
       f.achievement     AS achievement,
       f.status          AS status,
       f.policy          AS policy,
       f.rule            AS rule,
       r.achievement     AS reported_achievement
FROM fact_kpi_achievement f
JOIN dim_kpi k       ON k.kpi_id = f.kpi_id
JOIN dim_plan pl     ON pl.plan_id = k.plan_id
JOIN dim_chamber c   ON c.chamber_id = pl.chamber_id
JOIN dim_period pe   ON pe.period_id = f.period_id
LEFT JOIN dim_objective o ON o.objective_id = k.objective_id
LEFT JOIN v_objective_path pa   ON pa.objective_id = k.objective_id
LEFT JOIN dim_objective ar ON ar.objective_id = pa.root_id
LEFT JOIN v_kpi_period kp ON kp.kpi_id = f.kpi_id AND kp.period = pe.code
LEFT JOIN (
    SELECT fr.kpi_id, fr.period_id, MAX(fr.achievement) AS achievement
    FROM fact_kpi_achievement fr JOIN dim_document d ON d.document_id = fr.document_id
    WHERE fr.basis = 'reported' AND d.is_current
    GROUP BY fr.kpi_id, fr.period_id
) r ON r.kpi_id = f.kpi_id AND r.period_id = f.period_id
WHERE f.basis = 'computed';

-- One row per objective and period with a computed achievement, and the figure the documents print, if any.
CREATE VIEW v_objective_achievement AS
SELECT c.code            AS chamber_code,
       c.name            AS chamber,
       pl.cycle_from     AS plan_from,
       pl.cycle_to       AS plan_to,
       ar.title          AS area,
       pa.path           AS objective_path,
       o.objective_id    AS objective_id,
       o.level           AS objective_level,
       o.code            AS objective_code,
       o.title           AS objective,
       po.code           AS parent_code,
       pe.code           AS period,
       pe.year           AS year,
       f.achievement     AS achievement,
       f.status          AS status,
       f.kpis            AS kpis,
       f.kpis_measured   AS kpis_measured,
       f.policy          AS policy,
       f.rule            AS rule,
       r.achievement     AS reported_achievement
FROM fact_objective_achievement f
JOIN dim_objective o ON o.objective_id = f.objective_id
JOIN dim_plan pl     ON pl.plan_id = o.plan_id
JOIN dim_chamber c   ON c.chamber_id = pl.chamber_id
JOIN dim_period pe   ON pe.period_id = f.period_id
LEFT JOIN dim_objective po ON po.objective_id = o.parent_objective_id
LEFT JOIN v_objective_path pa   ON pa.objective_id = o.objective_id
LEFT JOIN dim_objective ar ON ar.objective_id = pa.root_id
LEFT JOIN (
    SELECT fr.objective_id, fr.period_id, MAX(fr.achievement) AS achievement
    FROM fact_objective_achievement fr JOIN dim_document d ON d.document_id = fr.document_id
    WHERE fr.basis = 'reported' AND d.is_current
    GROUP BY fr.objective_id, fr.period_id
) r ON r.objective_id = f.objective_id AND r.period_id = f.period_id
WHERE f.basis = 'computed';
