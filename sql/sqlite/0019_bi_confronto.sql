-- Chambers compared on the same standard indicator (issue 15, docs/powerbi.md); the PostgreSQL script says what each
-- column means. SQLite has no percentile_cont: a percentile p of n sorted actuals (0-based position i) is the sum of
-- each actual weighted by max(0, 1 − |i − p·(n−1)|), the same linear interpolation. bi_valori and bi_obiettivo gain
-- "Peso" as on PostgreSQL.
CREATE VIEW v_indicator_comparison AS
WITH candidates AS (
    SELECT k.indicator_id, pl.chamber_id, c.region, p.year, p.period_id, k.kpi_id,
           CAST(kp.target_value AS REAL) AS target, CAST(kp.actual_value AS REAL) AS actual, CAST(f.achievement AS REAL) AS achievement,
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
sorted_actuals AS (
    SELECT indicator_id, region, year, actual AS v,
           ROW_NUMBER() OVER (PARTITION BY indicator_id, region, year ORDER BY actual) - 1 AS i,
           COUNT(*) OVER (PARTITION BY indicator_id, region, year) AS n
    FROM chosen WHERE actual IS NOT NULL
),
stats AS (
    SELECT indicator_id, region, year, MAX(n) AS chambers,
           SUM(v * MAX(0.0, 1.0 - ABS(i - 0.25 * (n - 1)))) AS first_quartile,
           SUM(v * MAX(0.0, 1.0 - ABS(i - 0.5 * (n - 1)))) AS median,
           SUM(v * MAX(0.0, 1.0 - ABS(i - 0.75 * (n - 1)))) AS third_quartile
    FROM sorted_actuals
    GROUP BY indicator_id, region, year
),
sorted_achievements AS (
    SELECT indicator_id, region, year, achievement AS v,
           ROW_NUMBER() OVER (PARTITION BY indicator_id, region, year ORDER BY achievement) - 1 AS i,
           COUNT(*) OVER (PARTITION BY indicator_id, region, year) AS n
    FROM chosen WHERE achievement IS NOT NULL
),
achievement_stats AS (
    SELECT indicator_id, region, year, SUM(v * MAX(0.0, 1.0 - ABS(i - 0.5 * (n - 1)))) AS median_achievement
    FROM sorted_achievements
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

CREATE VIEW bi_indicatore_standard AS
SELECT i.indicator_id AS "IndicatoreStandardKey", i.code AS "Codice standard", i.name AS "Indicatore standard",
       i.unit AS "Unità", CASE i.polarity WHEN 'higher' THEN 'crescente' WHEN 'lower' THEN 'decrescente' END AS "Polarità",
       CASE i.family WHEN 'pareto' THEN 'Pareto' WHEN 'pira' THEN 'PIRA' ELSE 'Unione' END AS "Famiglia"
FROM dim_indicator i;

DROP VIEW bi_indicatore;
CREATE VIEW bi_indicatore AS
SELECT k.kpi_id AS "IndicatoreKey", pl.chamber_id AS "CameraKey", k.objective_id AS "ObiettivoKey",
       k.code AS "Codice indicatore", k.name AS "Indicatore", k.unit AS "Unità", k.indicator_id AS "IndicatoreStandardKey"
FROM dim_kpi k
JOIN dim_plan pl ON pl.plan_id = k.plan_id;

DROP VIEW bi_obiettivo;
CREATE VIEW bi_obiettivo AS
SELECT o.objective_id AS "ObiettivoKey", pl.chamber_id AS "CameraKey", ar.title AS "Area", o.level AS "Livello",
       o.code AS "Codice obiettivo", o.title AS "Obiettivo", pa.path AS "Percorso",
       pl.cycle_from AS "Piano dal", pl.cycle_to AS "Piano al",
       (SELECT CAST(x.weight AS REAL) FROM doc_objective x JOIN dim_document d ON d.document_id = x.document_id
        WHERE x.objective_id = o.objective_id AND d.is_current AND x.weight IS NOT NULL
        ORDER BY d.loaded_at DESC, d.document_id DESC LIMIT 1) AS "Peso"
FROM dim_objective o
JOIN dim_plan pl ON pl.plan_id = o.plan_id
LEFT JOIN v_objective_path pa ON pa.objective_id = o.objective_id
LEFT JOIN dim_objective ar ON ar.objective_id = pa.root_id;

DROP VIEW bi_valori;
CREATE VIEW bi_valori AS
SELECT kp.kpi_id AS "IndicatoreKey", pl.chamber_id AS "CameraKey", k.objective_id AS "ObiettivoKey",
       p.period_id AS "PeriodoKey", p.end_date AS "Data", p.year AS "Anno", p.code AS "Periodo",
       kp.target_operator AS "Operatore", CAST(kp.target_value AS REAL) AS "Target", kp.target_text AS "Target testo",
       CAST(kp.actual_value AS REAL) AS "Consuntivo", kp.actual_text AS "Consuntivo testo",
       CAST(f.achievement AS REAL) AS "Raggiungimento %", f.status AS "Stato",
       COALESCE(da.file_name, dt.file_name) AS "Fonte",
       CAST(COALESCE((SELECT t.weight FROM fact_kpi_target t WHERE t.lineage_id = kp.target_lineage_id LIMIT 1),
                     (SELECT x.weight FROM doc_kpi x JOIN dim_document d ON d.document_id = x.document_id
                      WHERE x.kpi_id = kp.kpi_id AND d.is_current AND x.weight IS NOT NULL
                      ORDER BY d.loaded_at DESC, d.document_id DESC LIMIT 1)) AS REAL) AS "Peso"
FROM v_kpi_period kp
JOIN dim_kpi k     ON k.kpi_id = kp.kpi_id
JOIN dim_plan pl   ON pl.plan_id = k.plan_id
JOIN dim_period p  ON p.code = kp.period
LEFT JOIN fact_kpi_achievement f ON f.kpi_id = kp.kpi_id AND f.period_id = p.period_id AND f.basis = 'computed'
LEFT JOIN lineage la ON la.lineage_id = kp.actual_lineage_id
LEFT JOIN dim_document da ON da.document_id = la.document_id
LEFT JOIN lineage lt ON lt.lineage_id = kp.target_lineage_id
LEFT JOIN dim_document dt ON dt.document_id = lt.document_id;

CREATE VIEW bi_confronto AS
SELECT v.indicator_id AS "IndicatoreStandardKey", v.chamber_id AS "CameraKey", v.period_id AS "PeriodoKey",
       v.year AS "Anno", v.region AS "Regione", v.target AS "Target", v.actual AS "Consuntivo",
       v.achievement AS "Raggiungimento %", v.rank AS "Posizione", v.chambers AS "Camere confrontate",
       v.median AS "Mediana regione", v.first_quartile AS "Primo quartile regione",
       v.third_quartile AS "Terzo quartile regione", v.median_achievement AS "Mediana raggiungimento regione"
FROM v_indicator_comparison v;
