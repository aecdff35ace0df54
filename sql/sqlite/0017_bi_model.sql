-- The Power BI model (docs/powerbi.md) on SQLite: the views of PostgreSQL's `bi` schema as bi_-prefixed views, with
-- the same Italian column names. Dimensions bi_camera, bi_obiettivo, bi_indicatore, bi_periodo and bi_calendario (one
-- row per day of every period); facts bi_valori and bi_raggiungimento_obiettivi. Keys relate one way: fact → dimension.
-- SQLite has no roles: `pipeline bi grant` needs PostgreSQL; `pipeline export --chamber` filters on CameraKey.
CREATE VIEW bi_camera AS
SELECT c.chamber_id AS "CameraKey", c.code AS "Codice camera", c.name AS "Camera", c.region AS "Regione"
FROM dim_chamber c;

CREATE VIEW bi_obiettivo AS
SELECT o.objective_id AS "ObiettivoKey", pl.chamber_id AS "CameraKey", ar.title AS "Area", o.level AS "Livello",
       o.code AS "Codice obiettivo", o.title AS "Obiettivo", pa.path AS "Percorso",
       pl.cycle_from AS "Piano dal", pl.cycle_to AS "Piano al"
FROM dim_objective o
JOIN dim_plan pl ON pl.plan_id = o.plan_id
LEFT JOIN v_objective_path pa ON pa.objective_id = o.objective_id
LEFT JOIN dim_objective ar ON ar.objective_id = pa.root_id;

CREATE VIEW bi_indicatore AS
SELECT k.kpi_id AS "IndicatoreKey", pl.chamber_id AS "CameraKey", k.objective_id AS "ObiettivoKey",
       k.code AS "Codice indicatore", k.name AS "Indicatore", k.unit AS "Unità"
FROM dim_kpi k
JOIN dim_plan pl ON pl.plan_id = k.plan_id;

CREATE VIEW bi_periodo AS
SELECT p.period_id AS "PeriodoKey", p.code AS "Periodo", p.kind AS "Tipo periodo", p.year AS "Anno",
       p.start_date AS "Inizio", p.end_date AS "Fine"
FROM dim_period p;

CREATE VIEW bi_calendario AS
WITH RECURSIVE days (d, last_day) AS (
    SELECT MIN(start_date), MAX(end_date) FROM dim_period WHERE start_date IS NOT NULL
    UNION ALL
    SELECT date(d, '+1 day'), last_day FROM days WHERE d < last_day
)
SELECT d AS "Data", CAST(strftime('%Y', d) AS INTEGER) AS "Anno", CAST(strftime('%m', d) AS INTEGER) AS "Mese",
       (CAST(strftime('%m', d) AS INTEGER) + 2) / 3 AS "Trimestre",
       CASE WHEN CAST(strftime('%m', d) AS INTEGER) <= 6 THEN 1 ELSE 2 END AS "Semestre"
FROM days WHERE d IS NOT NULL;

CREATE VIEW bi_valori AS
SELECT kp.kpi_id AS "IndicatoreKey", pl.chamber_id AS "CameraKey", k.objective_id AS "ObiettivoKey",
       p.period_id AS "PeriodoKey", p.end_date AS "Data", p.year AS "Anno", p.code AS "Periodo",
       kp.target_operator AS "Operatore", CAST(kp.target_value AS REAL) AS "Target", kp.target_text AS "Target testo",
       CAST(kp.actual_value AS REAL) AS "Consuntivo", kp.actual_text AS "Consuntivo testo",
       CAST(f.achievement AS REAL) AS "Raggiungimento %", f.status AS "Stato",
       COALESCE(da.file_name, dt.file_name) AS "Fonte"
FROM v_kpi_period kp
JOIN dim_kpi k     ON k.kpi_id = kp.kpi_id
JOIN dim_plan pl   ON pl.plan_id = k.plan_id
JOIN dim_period p  ON p.code = kp.period
LEFT JOIN fact_kpi_achievement f ON f.kpi_id = kp.kpi_id AND f.period_id = p.period_id AND f.basis = 'computed'
LEFT JOIN lineage la ON la.lineage_id = kp.actual_lineage_id
LEFT JOIN dim_document da ON da.document_id = la.document_id
LEFT JOIN lineage lt ON lt.lineage_id = kp.target_lineage_id
LEFT JOIN dim_document dt ON dt.document_id = lt.document_id;

CREATE VIEW bi_raggiungimento_obiettivi AS
SELECT f.objective_id AS "ObiettivoKey", pl.chamber_id AS "CameraKey", p.period_id AS "PeriodoKey",
       p.end_date AS "Data", p.year AS "Anno", p.code AS "Periodo",
       CAST(f.achievement AS REAL) AS "Raggiungimento %", f.status AS "Stato", f.kpis AS "Indicatori",
       f.kpis_measured AS "Indicatori misurati", f.policy AS "Regola"
FROM fact_objective_achievement f
JOIN dim_objective o ON o.objective_id = f.objective_id
JOIN dim_plan pl     ON pl.plan_id = o.plan_id
JOIN dim_period p    ON p.period_id = f.period_id
WHERE f.basis = 'computed';
