-- Data contract v1: the tables analysts query. This file is the single source of truth:
-- the lake's Parquet schemas are derived from it (storage/contract.py), and publish creates
-- the warehouse tables from it. Add only nullable columns; never rename or drop.
-- Dates are ISO dates; timestamps are UTC (stored without a zone).

CREATE TABLE articles (
    article_id   VARCHAR NOT NULL,  -- sha256 of the whitespace-normalised body
    url          VARCHAR,
    source_name  VARCHAR,
    title        VARCHAR,
    published_at TIMESTAMP,
    language     VARCHAR,
    body         VARCHAR USING COMPRESSION zstd,  -- a quarter of the size of DuckDB's default
    body_chars   INTEGER,
    origin       VARCHAR,           -- file path, feed or URL it came from
    ingested_at  TIMESTAMP,
    run_id       VARCHAR,
    origins      VARCHAR[]          -- every place this body was found (syndicated copies too)
);

CREATE TABLE event_mentions (
    mention_id        VARCHAR NOT NULL,
    article_id        VARCHAR NOT NULL,
    ordinal           INTEGER,      -- order of the mention in its article, from 0
    role              VARCHAR,      -- reported | other | historical | aggregate
    event_type        VARCHAR,
    sub_event_type    VARCHAR,
    weapon            VARCHAR,
    perpetrator       VARCHAR,
    target            VARCHAR,
    event_date        DATE,
    date_precision    VARCHAR,      -- day | week | month | year
    location          VARCHAR,
    admin1            VARCHAR,
    country           VARCHAR,
    country_iso       VARCHAR,
    latitude          DOUBLE,
    longitude         DOUBLE,
    geonameid         BIGINT,
    geo_precision     INTEGER,      -- ACLED: 1 town, 2 near a town or district, 3 region
    killed_low        INTEGER,
    killed_best       INTEGER,
    killed_high       INTEGER,
    injured_low       INTEGER,
    injured_best      INTEGER,
    injured_high      INTEGER,
    evidence          VARCHAR,      -- the sentence the mention was read from
    char_start        INTEGER,      -- evidence = body[char_start:char_end]
    char_end          INTEGER,
    extractor_version VARCHAR
);

CREATE TABLE casualty_figures (
    figure_id      VARCHAR NOT NULL,
    mention_id     VARCHAR,
    article_id     VARCHAR NOT NULL,
    category       VARCHAR,  -- killed | injured | missing | kidnapped | arrested
    victim_group   VARCHAR,  -- people | civilians | children | soldiers | police | perpetrators
    low            INTEGER,
    best           INTEGER,
    high           INTEGER,
    qualifier      VARCHAR,  -- exact | at_least | more_than | at_most | approximately | range | vague | none
    is_subset      BOOLEAN,
    attributed_to  VARCHAR,
    text           VARCHAR,  -- text = body[char_start:char_end]
    char_start     INTEGER,
    char_end       INTEGER,
    sentence_index INTEGER
);

CREATE TABLE events (
    event_id          VARCHAR NOT NULL,
    event_date        DATE,
    date_precision    VARCHAR,
    location          VARCHAR,
    admin1            VARCHAR,
    country           VARCHAR,
    country_iso       VARCHAR,
    latitude          DOUBLE,
    longitude         DOUBLE,
    event_type        VARCHAR,
    sub_event_type    VARCHAR,
    weapon            VARCHAR,
    perpetrator       VARCHAR,
    killed_low        INTEGER,
    killed_best       INTEGER,
    killed_high       INTEGER,
    injured_low       INTEGER,
    injured_best      INTEGER,
    injured_high      INTEGER,
    n_articles        INTEGER,
    n_sources         INTEGER,
    first_reported_at TIMESTAMP,
    last_reported_at  TIMESTAMP,
    mention_ids       VARCHAR[],    -- the reported/other mentions merged into the event
    geonameid         BIGINT,
    geo_precision     INTEGER,      -- ACLED: 1 town, 2 near a town or district, 3 region
    historical_mention_ids VARCHAR[] -- later mentions that recall the event (no effect on figures)
);

-- The figures of each event as they stood after each report (one row per event and article),
-- in report order, so an analyst can see a toll rise from 6 to 10.
CREATE TABLE event_revisions (
    revision_id         VARCHAR NOT NULL,
    event_id            VARCHAR NOT NULL,
    revision            INTEGER,    -- 1 for the first report of the event
    reported_at         TIMESTAMP,  -- the article's published_at
    article_id          VARCHAR,
    source_name         VARCHAR,
    mention_ids         VARCHAR[],  -- this article's mentions of the event
    report_killed_best  INTEGER,    -- what this report said
    report_injured_best INTEGER,
    killed_low          INTEGER,    -- the event's figures after this report
    killed_best         INTEGER,
    killed_high         INTEGER,
    injured_low         INTEGER,
    injured_best        INTEGER,
    injured_high        INTEGER
);

CREATE TABLE rejects (
    reject_id   VARCHAR NOT NULL,
    stage       VARCHAR,  -- ingest | extract | ...
    reason      VARCHAR,  -- a stable code, e.g. empty_text, malformed_json, http_error
    detail      VARCHAR,  -- a human-readable explanation
    origin      VARCHAR,
    payload     VARCHAR,  -- the raw input, truncated above 64 KiB
    run_id      VARCHAR,
    rejected_at TIMESTAMP
);

CREATE TABLE runs (
    run_id            VARCHAR NOT NULL,
    flow              VARCHAR,
    parameters        VARCHAR,  -- JSON
    started_at        TIMESTAMP,
    finished_at       TIMESTAMP,
    status            VARCHAR,
    counts            VARCHAR,  -- JSON
    extractor_version VARCHAR
);
