-- pipeline: sqlite foreign_keys off
-- Bounded history and duplicates per chamber (issue 13; docs/feeds.md "Retention").
-- 1. The same bytes may be a document of two chambers: sha256 is unique per chamber, no longer across the warehouse
--    (the index leads with sha256: "are these bytes loaded, for any chamber" uses it too).
--    SQLite cannot drop a column's UNIQUE, so dim_document is rebuilt (the documented copy, drop, rename; the runner
--    turns foreign keys off around this script, checks them with foreign_key_check before committing, and puts back
--    any index of a rebuilt table that the script did not recreate). legacy_alter_table keeps the rename from
--    re-checking the views, which name dim_document and resolve to the new table once it has that name.
-- 2. rows_removed_at: when the staged rows (stg_practice / stg_company) of a superseded feed were removed after the
--    retention; its measurements and lineage stay. NULL: the rows are there (or the document is not a feed).
PRAGMA legacy_alter_table = ON;

CREATE TABLE dim_document_new (
    document_id      INTEGER PRIMARY KEY,
    sha256           TEXT NOT NULL,                 -- of the bytes loaded; unique per chamber (ux_document_chamber_sha256)
    source_sha256    TEXT,                          -- reviewed extraction JSON: sha256 of the original document
    chamber_id       INTEGER NOT NULL REFERENCES dim_chamber (chamber_id),
    plan_id          INTEGER NOT NULL REFERENCES dim_plan (plan_id),
    file_name        TEXT NOT NULL,
    file_path        TEXT NOT NULL,
    format           TEXT NOT NULL,                 -- pdf | xlsx | xls | csv | json
    family           TEXT NOT NULL,
    doc_type         TEXT NOT NULL,                 -- piano | monitoraggio | relazione | pira | feed | other
    period_from      INTEGER,
    period_to        INTEGER,
    reported_period  TEXT NOT NULL DEFAULT '',      -- the latest period the document reports actuals for
    logical_key      TEXT NOT NULL,                 -- chamber|doc_type|years|reported_period
    pages            INTEGER,
    supersedes_id    INTEGER REFERENCES dim_document (document_id),
    superseded_by_id INTEGER REFERENCES dim_document (document_id),
    is_current       INTEGER NOT NULL DEFAULT 1,
    loaded_at        TEXT NOT NULL,
    run_id           INTEGER REFERENCES etl_run (run_id),
    review_status    TEXT,
    review_reasons   TEXT,                          -- why it was held, one reason a line
    reviewed_by      TEXT,
    reviewed_at      TEXT,
    warnings         TEXT,                          -- the extraction's warnings, one a line ('' none; NULL: loaded before 0011)
    rows_removed_at  TEXT                           -- a superseded feed's staged rows removed after the retention
);

INSERT INTO dim_document_new (document_id, sha256, source_sha256, chamber_id, plan_id, file_name, file_path, format, family, doc_type,
                              period_from, period_to, reported_period, logical_key, pages, supersedes_id, superseded_by_id,
                              is_current, loaded_at, run_id, review_status, review_reasons, reviewed_by, reviewed_at, warnings)
SELECT document_id, sha256, source_sha256, chamber_id, plan_id, file_name, file_path, format, family, doc_type,
       period_from, period_to, reported_period, logical_key, pages, supersedes_id, superseded_by_id,
       is_current, loaded_at, run_id, review_status, review_reasons, reviewed_by, reviewed_at, warnings
FROM dim_document;

DROP TABLE dim_document;
ALTER TABLE dim_document_new RENAME TO dim_document;
PRAGMA legacy_alter_table = OFF;

-- One current version per logical document; older versions stay as history.
CREATE UNIQUE INDEX ux_document_current ON dim_document (logical_key) WHERE is_current = 1;
CREATE INDEX ix_document_review ON dim_document (review_status);
CREATE UNIQUE INDEX ux_document_chamber_sha256 ON dim_document (sha256, chamber_id);
-- the superseded feeds whose rows are still staged: what the purge after each run looks at
CREATE INDEX ix_document_feed_rows_kept ON dim_document (superseded_by_id) WHERE doc_type = 'feed' AND rows_removed_at IS NULL;
