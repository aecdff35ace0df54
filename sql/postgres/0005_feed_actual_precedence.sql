-- Feeds fill gaps: an actual a chamber's own document reports (monitoraggio, Relazione, workbook) is the current
-- actual of its KPI and period; a value computed from a registry feed is the actual only where no document gives
-- one. Everything else as in 0002.
DROP VIEW v_kpi_period;

-- One row per KPI and period: the current target and the current actual, with the sources they came from.
CREATE VIEW v_kpi_period AS
WITH targets AS (
    SELECT f.kpi_id, f.period_id, f.operator, f.value_num, f.raw, f.unit, f.lineage_id, f.document_id,
           ROW_NUMBER() OVER (PARTITION BY f.kpi_id, f.period_id ORDER BY d.loaded_at DESC, d.document_id DESC) AS rn
    FROM fact_kpi_target f
    JOIN dim_document d ON d.document_id = f.document_id
    WHERE d.is_current
),
actuals AS (
    SELECT f.kpi_id, f.period_id, f.value_num, f.raw, f.lineage_id, f.document_id,
           ROW_NUMBER() OVER (PARTITION BY f.kpi_id, f.period_id
                              ORDER BY CASE WHEN d.doc_type = 'feed' THEN 1 ELSE 0 END, d.loaded_at DESC, d.document_id DESC) AS rn
    FROM fact_kpi_measurement f
    JOIN dim_document d ON d.document_id = f.document_id
    WHERE d.is_current
),
kpi_periods AS (
    SELECT kpi_id, period_id FROM targets WHERE rn = 1
    UNION
    SELECT kpi_id, period_id FROM actuals WHERE rn = 1
)
SELECT c.code            AS chamber_code,
       c.name            AS chamber,
       pl.cycle_from     AS plan_from,
       pl.cycle_to       AS plan_to,
       o.level           AS objective_level,
       o.code            AS objective_code,
       o.title           AS objective,
       k.kpi_id          AS kpi_id,
       k.code            AS kpi_code,
       k.name            AS kpi,
       k.unit            AS unit,
       p.code            AS period,
       p.kind            AS period_kind,
       p.year            AS year,
       t.operator        AS target_operator,
       t.value_num       AS target_value,
       t.raw             AS target_text,
       a.value_num       AS actual_value,
       a.raw             AS actual_text,
       t.lineage_id      AS target_lineage_id,
       a.lineage_id      AS actual_lineage_id
FROM kpi_periods kp
JOIN dim_kpi k       ON k.kpi_id = kp.kpi_id
JOIN dim_plan pl     ON pl.plan_id = k.plan_id
JOIN dim_chamber c   ON c.chamber_id = pl.chamber_id
JOIN dim_period p    ON p.period_id = kp.period_id
LEFT JOIN dim_objective o ON o.objective_id = k.objective_id
LEFT JOIN targets t  ON t.kpi_id = kp.kpi_id AND t.period_id = kp.period_id AND t.rn = 1
LEFT JOIN actuals a  ON a.kpi_id = kp.kpi_id AND a.period_id = kp.period_id AND a.rn = 1;
