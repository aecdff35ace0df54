-- Suspect versions held for review (docs/review.md). A new version of a logical document that loses a share of the
-- current version's KPIs, targets or actuals, brings KPI names the current version does not have, or parsed with
-- warnings it did not have, is stored with its facts and lineage but not made current: review_status 'held'. A
-- decision (pipeline review accept|reject) records who and when: 'accepted' (made current then) or 'rejected'
-- (history, never current). NULL: a version loaded as current, the way every version was loaded before this.
ALTER TABLE dim_document ADD COLUMN review_status TEXT;
ALTER TABLE dim_document ADD COLUMN review_reasons TEXT;       -- why it was held, one reason a line
ALTER TABLE dim_document ADD COLUMN reviewed_by TEXT;
ALTER TABLE dim_document ADD COLUMN reviewed_at TIMESTAMPTZ;
ALTER TABLE dim_document ADD COLUMN warnings TEXT;             -- the extraction's warnings, one a line ('' none; NULL: loaded before this)
CREATE INDEX ix_document_review ON dim_document (review_status);
