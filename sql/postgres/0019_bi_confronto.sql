-- Chambers compared on the same standard indicator (issue 15, docs/powerbi.md). v_indicator_comparison: one row per
-- standard indicator, chamber and year (a KPI linked to dim_indicator, its year period): the chamber's target, actual
-- and computed achievement, its rank in its region and the region's median and quartiles of the actuals (the median
-- of the achievements too). When a chamber has several KPIs linked to one indicator for a year, the row is the one
-- with an actual, then of the latest plan, then the lowest kpi_id. Rank: 1 is the best actual by the indicator's
-- polarity (higher: the largest); none when the polarity is unknown or the chamber has no actual. Quartiles are
-- interpolated (percentile_cont: position p·(n−1) of the sorted actuals), over the chambers of the region with an
-- actual. bi.confronto shows it with Italian names; a chamber role sees its own rows only, so other chambers appear
-- only in the aggregates. bi.indicatore_standard is the dimension of dim_indicator; bi.indicatore gains its key; bi.valori and
-- bi.obiettivo gain "Peso" (the period's weight of the KPI, else its own; the objective's), for weighted DAX measures.
CREATE VIEW v_indicator_comparison AS
WITH candidates AS (
    SELECT k.indicator_id, pl.chamber_id, c.region, p.year, p.period_id, k.kpi_id,
           kp.target_value::numeric AS target, kp.actual_value::numeric AS actual, f.achievement::numeric AS achievement,
           ROW_NUMBER() OVER (PARTITION BY k.indicator_id, pl.chamber_id, p.year
                              ORDER BY (kp.actual_value IS NULL), pl.cycle_from DESC, k.kpi_id) AS rn
    FROM v_kpi_period kp
    JOIN dim_kpi k      ON k.kpi_id = kp.kpi_id
    JOIN dim_plan pl    ON pl.plan_id = k.plan_id
    JOIN dim_chamber c  ON c.chamber_id = pl.chamber_id
    JOIN dim_period p   ON p.code = kp.period AND p.kind = 'year'
    LEFT JOIN fact_kpi_achievement f ON f.kpi_id = k.kpi_id AND f.period_id = p.period_id AND f.basis = 'computed'
    WHERE k.indicator_id IS NOT NULL
),
chosen AS (SELECT * FROM candidates WHERE rn = 1),
stats AS (
    SELECT indicator_id, region, year,
           COUNT(actual) AS chambers,
           (percentile_cont(0.25) WITHIN GROUP (ORDER BY actual::double precision))::numeric AS first_quartile,
           (percentile_cont(0.5)  WITHIN GROUP (ORDER BY actual::double precision))::numeric AS median,
           (percentile_cont(0.75) WITHIN GROUP (ORDER BY actual::double precision))::numeric AS third_quartile
    FROM chosen WHERE actual IS NOT NULL
    GROUP BY indicator_id, region, year
),
achievement_stats AS (
    SELECT indicator_id, region, year,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY achievement::double precision))::numeric AS median_achievement
    FROM chosen WHERE achievement IS NOT NULL
    GROUP BY indicator_id, region, year
)
SELECT ch.indicator_id, ch.chamber_id, ch.region, ch.year, ch.period_id, ch.kpi_id,
       ch.target, ch.actual, ch.achievement,
       CASE WHEN ch.actual IS NOT NULL AND i.polarity IS NOT NULL THEN
           RANK() OVER (PARTITION BY ch.indicator_id, ch.region, ch.year, (ch.actual IS NULL OR i.polarity IS NULL)
                        ORDER BY CASE WHEN i.polarity = 'lower' THEN ch.actual ELSE -ch.actual END)
       END AS rank,
       COALESCE(s.chambers, 0) AS chambers, s.first_quartile, s.median, s.third_quartile, a.median_achievement
FROM chosen ch
JOIN dim_indicator i ON i.indicator_id = ch.indicator_id
LEFT JOIN stats s ON s.indicator_id = ch.indicator_id AND s.region = ch.region AND s.year = ch.year
LEFT JOIN achievement_stats a ON a.indicator_id = ch.indicator_id AND a.region = ch.region AND a.year = ch.year;

DO $$
DECLARE
    s text := CASE WHEN current_schema() = 'public' THEN 'bi' ELSE 'bi_' || current_schema() END;
    r record;
BEGIN
    EXECUTE 'CREATE VIEW ' || quote_ident(s) || $v$.indicatore_standard AS
SELECT i.indicator_id AS "IndicatoreStandardKey", i.code AS "Codice standard", i.name AS "Indicatore standard",
       i.unit AS "Unità", CASE i.polarity WHEN 'higher' THEN 'crescente' WHEN 'lower' THEN 'decrescente' END AS "Polarità",
       CASE i.family WHEN 'pareto' THEN 'Pareto' WHEN 'pira' THEN 'PIRA' ELSE 'Unione' END AS "Famiglia"
FROM dim_indicator i$v$;
    EXECUTE 'CREATE OR REPLACE VIEW ' || quote_ident(s) || $v$.indicatore WITH (security_barrier) AS
SELECT k.kpi_id AS "IndicatoreKey", pl.chamber_id AS "CameraKey", k.objective_id AS "ObiettivoKey",
       k.code AS "Codice indicatore", k.name AS "Indicatore", k.unit AS "Unità", k.indicator_id AS "IndicatoreStandardKey"
FROM dim_kpi k
JOIN dim_plan pl ON pl.plan_id = k.plan_id
WHERE pl.chamber_id IN (SELECT chamber_id FROM bi_visible_chamber)$v$;
    EXECUTE 'CREATE VIEW ' || quote_ident(s) || $v$.confronto WITH (security_barrier) AS
SELECT v.indicator_id AS "IndicatoreStandardKey", v.chamber_id AS "CameraKey", v.period_id AS "PeriodoKey",
       v.year AS "Anno", v.region AS "Regione", v.target AS "Target", v.actual AS "Consuntivo",
       v.achievement AS "Raggiungimento %", v.rank::integer AS "Posizione", v.chambers::integer AS "Camere confrontate",
       v.median AS "Mediana regione", v.first_quartile AS "Primo quartile regione",
       v.third_quartile AS "Terzo quartile regione", v.median_achievement AS "Mediana raggiungimento regione"
FROM v_indicator_comparison v
WHERE v.chamber_id IN (SELECT chamber_id FROM bi_visible_chamber)$v$;
EXECUTE 'CREATE OR REPLACE VIEW ' || quote_ident(s) || $v$.obiettivo WITH (security_barrier) AS
SELECT o.objective_id AS "ObiettivoKey", pl.chamber_id AS "CameraKey", ar.title AS "Area", o.level AS "Livello",
       o.code AS "Codice obiettivo", o.title AS "Obiettivo", pa.path AS "Percorso",
       pl.cycle_from AS "Piano dal", pl.cycle_to AS "Piano al",
       (SELECT x.weight FROM doc_objective x JOIN dim_document d ON d.document_id = x.document_id
        WHERE x.objective_id = o.objective_id AND d.is_current AND x.weight IS NOT NULL
        ORDER BY d.loaded_at DESC, d.document_id DESC LIMIT 1)::numeric AS "Peso"
FROM dim_objective o
JOIN dim_plan pl ON pl.plan_id = o.plan_id
LEFT JOIN v_objective_path pa ON pa.objective_id = o.objective_id
LEFT JOIN dim_objective ar ON ar.objective_id = pa.root_id
WHERE pl.chamber_id IN (SELECT chamber_id FROM bi_visible_chamber)$v$;
    EXECUTE 'CREATE OR REPLACE VIEW ' || quote_ident(s) || $v$.valori WITH (security_barrier) AS
SELECT kp.kpi_id AS "IndicatoreKey", pl.chamber_id AS "CameraKey", k.objective_id AS "ObiettivoKey",
       p.period_id AS "PeriodoKey", p.end_date AS "Data", p.year AS "Anno", p.code AS "Periodo",
       kp.target_operator AS "Operatore", kp.target_value::numeric AS "Target", kp.target_text AS "Target testo",
       kp.actual_value::numeric AS "Consuntivo", kp.actual_text AS "Consuntivo testo",
       f.achievement::numeric AS "Raggiungimento %", f.status AS "Stato",
       COALESCE(da.file_name, dt.file_name) AS "Fonte",
       COALESCE((SELECT t.weight FROM fact_kpi_target t WHERE t.lineage_id = kp.target_lineage_id LIMIT 1),
                (SELECT x.weight FROM doc_kpi x JOIN dim_document d ON d.document_id = x.document_id
                 WHERE x.kpi_id = kp.kpi_id AND d.is_current AND x.weight IS NOT NULL
                 ORDER BY d.loaded_at DESC, d.document_id DESC LIMIT 1))::numeric AS "Peso"
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
    -- roles granted before these views existed read them too
    FOR r IN SELECT DISTINCT a.role_name FROM bi_access a JOIN pg_roles g ON g.rolname = a.role_name LOOP
        EXECUTE format('GRANT SELECT ON %I.indicatore_standard, %I.confronto TO %I', s, s, r.role_name);
    END LOOP;
END
$$;
