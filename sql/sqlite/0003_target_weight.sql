-- The weight of a KPI for one period, when the document prints one weight per year (plans whose indicator
-- tables have a "Peso %" column after each year's target). NULL when the KPI's own weight (doc_kpi.weight) applies.
ALTER TABLE fact_kpi_target ADD COLUMN weight REAL;
