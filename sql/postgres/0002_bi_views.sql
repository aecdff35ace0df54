-- BI views (same text in both dialects). Only current document versions feed the views; superseded
-- versions stay in the fact tables as history.

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
           ROW_NUMBER() OVER (PARTITION BY f.kpi_id, f.period_id ORDER BY d.loaded_at DESC, d.document_id DESC) AS rn
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

-- One row per target or actual value (current and superseded), down to the page/box, cell or feed rows.
CREATE VIEW v_kpi_lineage AS
SELECT 'target'        AS value_kind,
       f.target_id     AS fact_id,
       c.code          AS chamber_code,
       k.kpi_id        AS kpi_id,
       k.name          AS kpi,
       o.code          AS objective_code,
       p.code          AS period,
       f.operator      AS operator,
       f.value_num     AS value,
       f.raw           AS value_text,
       d.document_id   AS document_id,
       d.file_name     AS file_name,
       d.doc_type      AS doc_type,
       d.sha256        AS document_sha256,
       d.is_current    AS is_current,
       l.lineage_id    AS lineage_id,
       l.kind          AS source_kind,
       l.page          AS page,
       l.bbox          AS bbox,
       l.sheet         AS sheet,
       l.cell          AS cell,
       l.row_from      AS row_from,
       l.row_to        AS row_to,
       l.raw_text      AS raw_text
FROM fact_kpi_target f
JOIN dim_kpi k      ON k.kpi_id = f.kpi_id
JOIN dim_plan pl    ON pl.plan_id = k.plan_id
JOIN dim_chamber c  ON c.chamber_id = pl.chamber_id
JOIN dim_period p   ON p.period_id = f.period_id
JOIN dim_document d ON d.document_id = f.document_id
JOIN lineage l      ON l.lineage_id = f.lineage_id
LEFT JOIN dim_objective o ON o.objective_id = k.objective_id
UNION ALL
SELECT 'actual', f.measurement_id, c.code, k.kpi_id, k.name, o.code, p.code, NULL, f.value_num, f.raw,
       d.document_id, d.file_name, d.doc_type, d.sha256, d.is_current,
       l.lineage_id, l.kind, l.page, l.bbox, l.sheet, l.cell, l.row_from, l.row_to, l.raw_text
FROM fact_kpi_measurement f
JOIN dim_kpi k      ON k.kpi_id = f.kpi_id
JOIN dim_plan pl    ON pl.plan_id = k.plan_id
JOIN dim_chamber c  ON c.chamber_id = pl.chamber_id
JOIN dim_period p   ON p.period_id = f.period_id
JOIN dim_document d ON d.document_id = f.document_id
JOIN lineage l      ON l.lineage_id = f.lineage_id
LEFT JOIN dim_objective o ON o.objective_id = k.objective_id;
