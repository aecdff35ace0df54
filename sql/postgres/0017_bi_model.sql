-- The Power BI model (docs/powerbi.md): the `bi` schema, a star with Italian column names. Dimensions camera,
-- obiettivo, indicatore, periodo and calendario (one row per day of every period); facts valori (target, actual and
-- computed achievement per KPI and period) and raggiungimento_obiettivi. Keys relate one way: fact → dimension.
-- The schema is `bi` for a warehouse in `public`, else `bi_<schema>` (a scratch warehouse in its own schema of the same
-- database, as `pipeline bench feeds` makes, gets its own). Row-level security: `pipeline bi grant ROLE --chamber X` records the role's chambers in bi_access; every view keeps
-- only the rows of bi_visible_chamber, evaluated for the role that queries (current_user). A role with no bi_access
-- row (the warehouse owner, who runs `pipeline export`) sees every chamber; granted roles read only the bi schema.

CREATE TABLE bi_access (
    role_name   TEXT NOT NULL,
    chamber_id  BIGINT REFERENCES dim_chamber (chamber_id)       -- NULL: every chamber
);
CREATE INDEX ix_bi_access_role ON bi_access (role_name);

CREATE VIEW bi_visible_chamber WITH (security_barrier) AS
SELECT c.chamber_id
FROM dim_chamber c
WHERE NOT EXISTS (SELECT 1 FROM bi_access a WHERE a.role_name = current_user)
   OR EXISTS (SELECT 1 FROM bi_access a WHERE a.role_name = current_user AND (a.chamber_id IS NULL OR a.chamber_id = c.chamber_id));

DO $$
DECLARE
    s text := CASE WHEN current_schema() = 'public' THEN 'bi' ELSE 'bi_' || current_schema() END;
BEGIN
    EXECUTE 'CREATE SCHEMA ' || quote_ident(s);
    EXECUTE 'CREATE VIEW ' || quote_ident(s) || $v$.camera WITH (security_barrier) AS
SELECT c.chamber_id AS "CameraKey", c.code AS "Codice camera", c.name AS "Camera", c.region AS "Regione"
FROM dim_chamber c
WHERE c.chamber_id IN (SELECT chamber_id FROM bi_visible_chamber)$v$;
    EXECUTE 'CREATE VIEW ' || quote_ident(s) || $v$.obiettivo WITH (security_barrier) AS
SELECT o.objective_id AS "ObiettivoKey", pl.chamber_id AS "CameraKey", ar.title AS "Area", o.level AS "Livello",
       o.code AS "Codice obiettivo", o.title AS "Obiettivo", pa.path AS "Percorso",
       pl.cycle_from AS "Piano dal", pl.cycle_to AS "Piano al"
FROM dim_objective o
JOIN dim_plan pl ON pl.plan_id = o.plan_id
LEFT JOIN v_objective_path pa ON pa.objective_id = o.objective_id
LEFT JOIN dim_objective ar ON ar.objective_id = pa.root_id
WHERE pl.chamber_id IN (SELECT chamber_id FROM bi_visible_chamber)$v$;
    EXECUTE 'CREATE VIEW ' || quote_ident(s) || $v$.indicatore WITH (security_barrier) AS
SELECT k.kpi_id AS "IndicatoreKey", pl.chamber_id AS "CameraKey", k.objective_id AS "ObiettivoKey",
       k.code AS "Codice indicatore", k.name AS "Indicatore", k.unit AS "Unità"
FROM dim_kpi k
JOIN dim_plan pl ON pl.plan_id = k.plan_id
WHERE pl.chamber_id IN (SELECT chamber_id FROM bi_visible_chamber)$v$;
    EXECUTE 'CREATE VIEW ' || quote_ident(s) || $v$.periodo AS
SELECT p.period_id AS "PeriodoKey", p.code AS "Periodo", p.kind AS "Tipo periodo", p.year AS "Anno",
       p.start_date AS "Inizio", p.end_date AS "Fine"
FROM dim_period p$v$;
    EXECUTE 'CREATE VIEW ' || quote_ident(s) || $v$.calendario AS
SELECT d::date AS "Data", EXTRACT(YEAR FROM d)::integer AS "Anno", EXTRACT(MONTH FROM d)::integer AS "Mese",
       EXTRACT(QUARTER FROM d)::integer AS "Trimestre", CASE WHEN EXTRACT(MONTH FROM d) <= 6 THEN 1 ELSE 2 END AS "Semestre"
FROM (SELECT MIN(start_date) AS first_day, MAX(end_date) AS last_day FROM dim_period) r,
     generate_series(r.first_day, r.last_day, INTERVAL '1 day') AS d$v$;
    EXECUTE 'CREATE VIEW ' || quote_ident(s) || $v$.valori WITH (security_barrier) AS
SELECT kp.kpi_id AS "IndicatoreKey", pl.chamber_id AS "CameraKey", k.objective_id AS "ObiettivoKey",
       p.period_id AS "PeriodoKey", p.end_date AS "Data", p.year AS "Anno", p.code AS "Periodo",
       kp.target_operator AS "Operatore", kp.target_value::numeric AS "Target", kp.target_text AS "Target testo",
       kp.actual_value::numeric AS "Consuntivo", kp.actual_text AS "Consuntivo testo",
       f.achievement::numeric AS "Raggiungimento %", f.status AS "Stato",
       COALESCE(da.file_name, dt.file_name) AS "Fonte"
FROM v_kpi_period kp
JOIN dim_kpi k     ON k.kpi_id = kp.kpi_id
JOIN dim_plan pl   ON pl.plan_id = k.plan_id
JOIN dim_period p  ON p.code = kp.period
LEFT JOIN fact_kpi_achievement f ON f.kpi_id = kp.kpi_id AND f.period_id = p.period_id AND f.basis = 'computed'
LEFT JOIN lineage la ON la.lineage_id = kp.actual_lineage_id
LEFT JOIN dim_document da ON da.document_id = la.document_id
LEFT JOIN lineage lt ON lt.lineage_id = kp.target_lineage_id
LEFT JOIN dim_document dt ON dt.document_id = lt.document_id
WHERE pl.chamber_id IN (SELECT chamber_id FROM bi_visible_chamber)$v$;
    EXECUTE 'CREATE VIEW ' || quote_ident(s) || $v$.raggiungimento_obiettivi WITH (security_barrier) AS
SELECT f.objective_id AS "ObiettivoKey", pl.chamber_id AS "CameraKey", p.period_id AS "PeriodoKey",
       p.end_date AS "Data", p.year AS "Anno", p.code AS "Periodo",
       f.achievement::numeric AS "Raggiungimento %", f.status AS "Stato", f.kpis AS "Indicatori",
       f.kpis_measured AS "Indicatori misurati", f.policy AS "Regola"
FROM fact_objective_achievement f
JOIN dim_objective o ON o.objective_id = f.objective_id
JOIN dim_plan pl     ON pl.plan_id = o.plan_id
JOIN dim_period p    ON p.period_id = f.period_id
WHERE f.basis = 'computed' AND pl.chamber_id IN (SELECT chamber_id FROM bi_visible_chamber)$v$;
END
$$;
