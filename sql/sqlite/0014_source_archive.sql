-- The source archive (issue 14; docs/operations.md "Archive"): the bytes of every document and feed file loaded, by
-- sha256, so that a page an old figure came from can still be shown after the chamber replaced the file. Same logical
-- model as sql/postgres/0014_source_archive.sql, without source_chunk: on SQLite the bytes live in the folder store,
-- files ab/cd/<sha256> under archive/ beside the warehouse file (or the folder of config/archive.json).
-- source_archive: one row per distinct content, written in the load's transaction (the file is written before the
-- commit; a rolled-back load leaves an orphan file that the next run removes after an hour). media_type says what
-- the bytes are: a reviewed extraction ingested is archived as its JSON (application/json), a document as read, a
-- feed as its CSV.
CREATE TABLE source_archive (
    sha256      TEXT PRIMARY KEY,
    size_bytes  INTEGER NOT NULL CHECK (size_bytes >= 0),
    media_type  TEXT NOT NULL,
    file_name   TEXT NOT NULL,                      -- the name it was first loaded under
    store       TEXT NOT NULL CHECK (store IN ('database', 'folder')),
    chunk_bytes INTEGER CHECK (chunk_bytes > 0),    -- database store (PostgreSQL): the size of every chunk but the last
    stored_at   TEXT NOT NULL
);
