-- Registry feeds (Priamo-style practice exports, InfoCamere-style company lists): the rows of each feed file,
-- staged as read. A feed file is a source document like a PDF (one dim_document row, format 'csv', doc_type 'feed');
-- its rows stay here as long as the document does, so superseded feeds keep their rows as history.
-- Same logical model as sql/postgres/0004_feeds.sql; DATE columns are TEXT yyyy-MM-dd, BOOLEAN is INTEGER 0/1.
-- document_id is the feed's dim_document row. It is not declared as a foreign key: the loader streams the rows
-- before it writes the document row (whose plan and logical key depend on the years of the rows), in the same
-- transaction, and a per-row check of a key it has just written cost more than half of a feed's load time.

CREATE TABLE stg_practice (
    document_id     INTEGER NOT NULL,
    row_number      INTEGER NOT NULL,              -- 1-based line of the record in the file (header = 1)
    protocol        TEXT NOT NULL,
    registered      TEXT NOT NULL,
    processed       TEXT,
    status          TEXT NOT NULL,                 -- EVASA | SOSPESA | RESPINTA | ANNULLATA | IN LAVORAZIONE
    fulfilment      TEXT,
    suspension_days INTEGER NOT NULL,
    office          TEXT,
    chamber         TEXT,
    PRIMARY KEY (document_id, row_number)
);

CREATE TABLE stg_company (
    document_id        INTEGER NOT NULL,
    row_number         INTEGER NOT NULL,
    province           TEXT,
    rea                TEXT,
    tax_code_key       TEXT,                       -- a company's codice fiscale, or a salted hash of a person's
    name               TEXT,                       -- NULL for a sole proprietorship
    legal_form         TEXT,
    status             TEXT NOT NULL,
    registered         TEXT,
    ceased             TEXT,
    ateco              TEXT,
    section            TEXT,
    section_registered TEXT,
    digital_drawer     INTEGER NOT NULL,
    drawer_activated   TEXT,
    PRIMARY KEY (document_id, row_number)
);
