-- KPI identity across documents: how the KPIs of a document were matched to the KPIs already in the plan, where it
-- was not plain (a manual match, a name only similar, a close candidate not taken, a KPI of a report that no plan
-- defines). `pipeline conform report` lists the uncertain and unmatched ones of current documents.
CREATE TABLE conform_match (
    conform_match_id INTEGER PRIMARY KEY,
    document_id      INTEGER NOT NULL REFERENCES dim_document (document_id),
    kpi_id           INTEGER NOT NULL REFERENCES dim_kpi (kpi_id),   -- the KPI the document's KPI is (matched or new)
    candidate_kpi_id INTEGER REFERENCES dim_kpi (kpi_id),            -- the closest KPI already there, when not taken
    kind             TEXT NOT NULL,                                -- manual | similar | uncertain | unmatched
    score            REAL,                                         -- similarity of the names, 0-1
    name             TEXT NOT NULL,                                -- the KPI as the document prints it
    code             TEXT
);
CREATE INDEX ix_conform_match_document ON conform_match (document_id);
