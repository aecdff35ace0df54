-- The source archive (issue 14; docs/operations.md "Archive"): the bytes of every document and feed file loaded, by
-- sha256, so that a page an old figure came from can still be shown after the chamber replaced the file. Same logical
-- model as sql/sqlite/0014_source_archive.sql; source_chunk is PostgreSQL's own (the database store).
-- source_archive: one row per distinct content, written in the load's transaction (identical bytes: one row, whatever
-- the chambers and documents that loaded them). store: where the bytes are — 'database' (source_chunk) or 'folder'
-- (a file ab/cd/<sha256> under the configured folder, config/archive.json). media_type says what the bytes are: a
-- reviewed extraction ingested is archived as its JSON (application/json), a document as read, a feed as its CSV.
CREATE TABLE source_archive (
    sha256      TEXT PRIMARY KEY,
    size_bytes  BIGINT NOT NULL CHECK (size_bytes >= 0),
    media_type  TEXT NOT NULL,
    file_name   TEXT NOT NULL,                      -- the name it was first loaded under
    store       TEXT NOT NULL CHECK (store IN ('database', 'folder')),
    chunk_bytes INTEGER CHECK (chunk_bytes > 0),    -- database store: the size of every chunk but the last
    stored_at   TIMESTAMPTZ NOT NULL
);

-- The database store: the bytes in chunks of chunk_bytes (4 MiB), written and read one chunk at a time, so a 200 MB
-- feed is never held whole in memory; in the same transaction as the load, so a rolled-back load leaves nothing.
CREATE TABLE source_chunk (
    sha256 TEXT NOT NULL REFERENCES source_archive (sha256) ON DELETE CASCADE,
    seq    INTEGER NOT NULL CHECK (seq >= 0),
    bytes  BYTEA NOT NULL,
    PRIMARY KEY (sha256, seq)
);
