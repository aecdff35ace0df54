-- Pipeline warehouse, SQLite dialect. Same logical model as sql/postgres/0001_star_schema.sql.
-- Natural keys are UNIQUE constraints; every fact row points at a lineage row.

CREATE TABLE dim_chamber (
    chamber_id  INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    region      TEXT NOT NULL,
    names       TEXT NOT NULL DEFAULT ''          -- every name the chamber is known by, '|' separated
);

CREATE TABLE dim_org_unit (
    org_unit_id INTEGER PRIMARY KEY,
    chamber_id  INTEGER NOT NULL REFERENCES dim_chamber (chamber_id),
    name        TEXT NOT NULL,
    parent_id   INTEGER REFERENCES dim_org_unit (org_unit_id),
    UNIQUE (chamber_id, name)
);

CREATE TABLE dim_period (
    period_id   INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,              -- 2021, 2021-S1, 2021-Q3, 2021-03, 2021-06-30
    kind        TEXT NOT NULL,                     -- year | semester | quarter | month | day
    year        INTEGER NOT NULL,
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL
);

CREATE TABLE dim_plan (
    plan_id     INTEGER PRIMARY KEY,
    chamber_id  INTEGER NOT NULL REFERENCES dim_chamber (chamber_id),
    cycle_from  INTEGER NOT NULL,
    cycle_to    INTEGER NOT NULL,
    UNIQUE (chamber_id, cycle_from, cycle_to)
);

CREATE TABLE etl_run (
    run_id          INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,                 -- ingest | run | ...
    chamber_code    TEXT,
    host            TEXT,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    status          TEXT NOT NULL,                 -- running | succeeded | partial | failed | interrupted
    files_total     INTEGER NOT NULL DEFAULT 0,
    files_new       INTEGER NOT NULL DEFAULT 0,
    files_superseding INTEGER NOT NULL DEFAULT 0,
    files_unchanged INTEGER NOT NULL DEFAULT 0,
    files_failed    INTEGER NOT NULL DEFAULT 0,
    facts_written   INTEGER NOT NULL DEFAULT 0,
    quarantined     INTEGER NOT NULL DEFAULT 0,
    error           TEXT
);

CREATE TABLE dim_document (
    document_id      INTEGER PRIMARY KEY,
    sha256           TEXT NOT NULL UNIQUE,          -- of the bytes loaded
    source_sha256    TEXT,                          -- reviewed extraction JSON: sha256 of the original document
    chamber_id       INTEGER NOT NULL REFERENCES dim_chamber (chamber_id),
    plan_id          INTEGER NOT NULL REFERENCES dim_plan (plan_id),
    file_name        TEXT NOT NULL,
    file_path        TEXT NOT NULL,
    format           TEXT NOT NULL,                 -- pdf | xlsx | xls | csv | json
    family           TEXT NOT NULL,
    doc_type         TEXT NOT NULL,                 -- piano | monitoraggio | relazione | pira | other
    period_from      INTEGER,
    period_to        INTEGER,
    reported_period  TEXT NOT NULL DEFAULT '',      -- the latest period the document reports actuals for
    logical_key      TEXT NOT NULL,                 -- chamber|doc_type|years|reported_period
    pages            INTEGER,
    supersedes_id    INTEGER REFERENCES dim_document (document_id),
    superseded_by_id INTEGER REFERENCES dim_document (document_id),
    is_current       INTEGER NOT NULL DEFAULT 1,
    loaded_at        TEXT NOT NULL,
    run_id           INTEGER REFERENCES etl_run (run_id)
);
-- One current version per logical document; older versions stay as history.
CREATE UNIQUE INDEX ux_document_current ON dim_document (logical_key) WHERE is_current = 1;

CREATE TABLE lineage (
    lineage_id  INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES dim_document (document_id),
    field       TEXT NOT NULL,                     -- objective | kpi | target | actual | weight | baseline | reported
    kind        TEXT NOT NULL,                     -- page | cell | rows | none
    page        INTEGER,
    bbox        TEXT,                              -- x0,y0,x1,y1 in PDF points, origin top-left
    sheet       TEXT,
    cell        TEXT,
    row_from    INTEGER,
    row_to      INTEGER,
    raw_text    TEXT,
    detail      TEXT
);
CREATE INDEX ix_lineage_document ON lineage (document_id);

CREATE TABLE dim_objective (
    objective_id        INTEGER PRIMARY KEY,
    plan_id             INTEGER NOT NULL REFERENCES dim_plan (plan_id),
    level               TEXT NOT NULL,
    objective_key       TEXT NOT NULL,             -- printed code, else the normalised title
    code                TEXT,
    title               TEXT NOT NULL,
    parent_objective_id INTEGER REFERENCES dim_objective (objective_id),
    mission             TEXT,
    programme           TEXT,
    UNIQUE (plan_id, level, objective_key)
);

CREATE TABLE dim_kpi (
    kpi_id        INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES dim_plan (plan_id),
    objective_id  INTEGER REFERENCES dim_objective (objective_id),
    scope_key     TEXT NOT NULL,                   -- objective the KPI belongs to (level:key), '' when none
    kpi_key       TEXT NOT NULL,                   -- normalised name
    code          TEXT,
    name          TEXT NOT NULL,
    kpi_type      TEXT,
    algorithm     TEXT,
    unit          TEXT,
    source_system TEXT,
    frequency     TEXT,
    UNIQUE (plan_id, scope_key, kpi_key)
);

-- What one document says about an objective / a KPI (weights and attributes may change between versions).
CREATE TABLE doc_objective (
    document_id  INTEGER NOT NULL REFERENCES dim_document (document_id),
    objective_id INTEGER NOT NULL REFERENCES dim_objective (objective_id),
    weight       REAL,
    org_units    TEXT,
    lineage_id   INTEGER NOT NULL REFERENCES lineage (lineage_id),
    PRIMARY KEY (document_id, objective_id)
);

CREATE TABLE doc_kpi (
    document_id    INTEGER NOT NULL REFERENCES dim_document (document_id),
    kpi_id         INTEGER NOT NULL REFERENCES dim_kpi (kpi_id),
    weight         REAL,
    unit           TEXT,
    kpi_type       TEXT,
    algorithm      TEXT,
    source_system  TEXT,
    responsible    TEXT,
    baseline_raw   TEXT,
    baseline_value REAL,
    lineage_id     INTEGER NOT NULL REFERENCES lineage (lineage_id),
    PRIMARY KEY (document_id, kpi_id)
);

CREATE TABLE fact_kpi_target (
    target_id   INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES dim_document (document_id),
    kpi_id      INTEGER NOT NULL REFERENCES dim_kpi (kpi_id),
    period_id   INTEGER NOT NULL REFERENCES dim_period (period_id),
    operator    TEXT NOT NULL,                     -- >= <= = > < bool date text
    value_num   REAL,
    value_flag  INTEGER,
    value_date  TEXT,
    unit        TEXT,
    raw         TEXT NOT NULL,
    lineage_id  INTEGER NOT NULL REFERENCES lineage (lineage_id),
    UNIQUE (document_id, kpi_id, period_id)
);

CREATE TABLE fact_kpi_measurement (
    measurement_id INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES dim_document (document_id),
    kpi_id         INTEGER NOT NULL REFERENCES dim_kpi (kpi_id),
    period_id      INTEGER NOT NULL REFERENCES dim_period (period_id),
    value_num      REAL,
    value_flag     INTEGER,
    value_date     TEXT,
    raw            TEXT NOT NULL,
    lineage_id     INTEGER NOT NULL REFERENCES lineage (lineage_id),
    UNIQUE (document_id, kpi_id, period_id)
);

-- Achievement: 'reported' rows are the figures a document prints; 'computed' rows come from the compute step.
CREATE TABLE fact_kpi_achievement (
    achievement_id INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES dim_document (document_id),
    kpi_id         INTEGER NOT NULL REFERENCES dim_kpi (kpi_id),
    period_id      INTEGER NOT NULL REFERENCES dim_period (period_id),
    basis          TEXT NOT NULL,
    achievement    REAL,
    status         TEXT NOT NULL,
    lineage_id     INTEGER NOT NULL REFERENCES lineage (lineage_id),
    UNIQUE (document_id, kpi_id, period_id, basis)
);

CREATE TABLE fact_objective_achievement (
    achievement_id INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES dim_document (document_id),
    objective_id   INTEGER NOT NULL REFERENCES dim_objective (objective_id),
    period_id      INTEGER NOT NULL REFERENCES dim_period (period_id),
    basis          TEXT NOT NULL,
    achievement    REAL,
    status         TEXT NOT NULL,
    lineage_id     INTEGER NOT NULL REFERENCES lineage (lineage_id),
    UNIQUE (document_id, objective_id, period_id, basis)
);

CREATE TABLE quarantine (
    quarantine_id INTEGER PRIMARY KEY,
    run_id        INTEGER REFERENCES etl_run (run_id),
    document_id   INTEGER REFERENCES dim_document (document_id),
    file_path     TEXT NOT NULL,
    location      TEXT,
    record_kind   TEXT NOT NULL,
    reason        TEXT NOT NULL,
    raw           TEXT,
    created_at    TEXT NOT NULL
);
