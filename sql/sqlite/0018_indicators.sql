-- Standard indicators (issue 15, docs/indicators.md): the union's list (config/indicators.json) and the Pareto
-- (C1.1_04, EC19.1) and PIRA (KPISTD 166) codes the chambers' KPIs print. A chamber's KPI links to one by the code
-- it prints ('code') or by a decision of config/indicators.json ('config'); a link by name similarity is never
-- stored, only proposed by `pipeline conform indicators`.
CREATE TABLE dim_indicator (
    indicator_id INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    unit         TEXT,
    polarity     TEXT CHECK (polarity IN ('higher', 'lower')),
    family       TEXT NOT NULL CHECK (family IN ('pareto', 'pira', 'union'))
);

ALTER TABLE dim_kpi ADD COLUMN indicator_id INTEGER REFERENCES dim_indicator (indicator_id);
ALTER TABLE dim_kpi ADD COLUMN indicator_link TEXT CHECK (indicator_link IN ('code', 'config'));
CREATE INDEX ix_dim_kpi_indicator ON dim_kpi (indicator_id);
