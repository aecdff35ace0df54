-- Registry feeds (Priamo-style practice exports, InfoCamere-style company lists): the rows of each feed file,
-- staged as read. A feed file is a source document like a PDF (one dim_document row, format 'csv', doc_type 'feed');
-- its rows stay here as long as the document does, so superseded feeds keep their rows as history.
-- Same logical model as sql/sqlite/0004_feeds.sql.
-- document_id is the feed's dim_document row. It is not declared as a foreign key: the loader streams the rows
-- before it writes the document row (whose plan and logical key depend on the years of the rows), in the same
-- transaction, and a per-row check of a key it has just written cost more than half of a feed's load time.

CREATE TABLE stg_practice (
    document_id     BIGINT NOT NULL,
    row_number      BIGINT NOT NULL,               -- 1-based line of the record in the file (header = 1)
    protocol        TEXT NOT NULL,
    registered      DATE NOT NULL,
    processed       DATE,
    status          TEXT NOT NULL,                 -- EVASA | SOSPESA | RESPINTA | ANNULLATA | IN LAVORAZIONE
    fulfilment      TEXT,
    suspension_days INTEGER NOT NULL,
    office          TEXT,
    chamber         TEXT
);

CREATE TABLE stg_company (
    document_id        BIGINT NOT NULL,
    row_number         BIGINT NOT NULL,
    province           TEXT,
    rea                TEXT,
    tax_code_key       TEXT,                       -- a company's codice fiscale, or a salted hash of a person's
    name               TEXT,                       -- NULL for a sole proprietorship
    legal_form         TEXT,
    status             TEXT NOT NULL,
    registered         DATE,
    ceased             DATE,
    ateco              TEXT,
    section            TEXT,
    section_registered DATE,
    digital_drawer     BOOLEAN NOT NULL,
    drawer_activated   DATE
);

-- A feed's rows are appended together by one COPY, so they lie in a run of pages: a BRIN index on document_id finds
-- them for a trace at a fraction of a B-tree's cost to maintain (a primary key on (document_id, row_number) doubled
-- the server's time for a 1,000,000-row feed). The row numbers of one document are unique by construction: the
-- reader numbers the records of one file in increasing order.
CREATE INDEX ix_stg_practice_document ON stg_practice USING brin (document_id);
CREATE INDEX ix_stg_company_document ON stg_company USING brin (document_id);
