-- Bounded history and duplicates per chamber (issue 13; docs/feeds.md "Retention"). Same logical model as
-- sql/sqlite/0013_bounded_history.sql (which has to rebuild dim_document to drop the UNIQUE).
-- 1. The same bytes may be a document of two chambers: sha256 is unique per chamber, no longer across the warehouse
--    (the index leads with sha256: "are these bytes loaded, for any chamber" uses it too).
-- 2. rows_removed_at: when the staged rows (stg_practice / stg_company) of a superseded feed were removed after the
--    retention; its measurements and lineage stay. NULL: the rows are there (or the document is not a feed).
ALTER TABLE dim_document DROP CONSTRAINT dim_document_sha256_key;
CREATE UNIQUE INDEX ux_document_chamber_sha256 ON dim_document (sha256, chamber_id);
ALTER TABLE dim_document ADD COLUMN rows_removed_at TIMESTAMPTZ;
-- the superseded feeds whose rows are still staged: what the purge after each run looks at
CREATE INDEX ix_document_feed_rows_kept ON dim_document (superseded_by_id) WHERE doc_type = 'feed' AND rows_removed_at IS NULL;
