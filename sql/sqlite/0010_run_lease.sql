-- A run's lease (docs/operations.md, "Runs"): a random token per etl_run row, the name of a lock its process holds
-- while the row is 'running' (a PostgreSQL session advisory lock or, on SQLite, an exclusive lock on a file next to
-- the warehouse; both released when the process dies). A run that starts marks 'interrupted' every running row
-- whose lease it can take: its process is gone. Rows written before this migration have no lease and are left as
-- they are (a nightly run still closes its chamber's under the chamber's run lock).
ALTER TABLE etl_run ADD COLUMN lease TEXT;
CREATE INDEX ix_etl_run_status ON etl_run (status);
