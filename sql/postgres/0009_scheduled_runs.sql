-- Scheduled runs (docs/operations.md): the scheduler's job a run belongs to, the node that ran it, which attempt of
-- the firing it was (0 on the scheduled fire, n on the n-th retry) and the firing's id. Command-line runs leave
-- them NULL. The scheduler's own tables (qrtz_*) are created by Quartz itself when a scheduler first opens the
-- warehouse (create-if-missing, never dropped).
ALTER TABLE etl_run ADD COLUMN job TEXT;
ALTER TABLE etl_run ADD COLUMN node TEXT;
ALTER TABLE etl_run ADD COLUMN attempt INTEGER;
ALTER TABLE etl_run ADD COLUMN fire_id TEXT;
CREATE INDEX ix_etl_run_chamber ON etl_run (chamber_code, kind, run_id);
