-- 002_timeline: article signatures and duplicates, event instances, dyad keys, findings.
--
-- Everything here is derived from the 001 tables by tidings.timeline.refresh and can be
-- rebuilt from them at any time (signatures are kept so a later ingest finds duplicates
-- of articles stored earlier without re-reading their bodies).

-- One row per article: the hash of its normalised body (exact duplicates across files
-- and URLs) and its MinHash signature over word shingles (near duplicates).
CREATE TABLE article_signatures (
    doc_id    VARCHAR PRIMARY KEY,
    body_hash VARCHAR NOT NULL,
    minhash   UBIGINT[] NOT NULL,
    words     INTEGER NOT NULL
);
CREATE INDEX article_signatures_body ON article_signatures (body_hash);

-- LSH bands of each signature: two articles sharing a band are candidate duplicates.
CREATE TABLE article_bands (
    band    INTEGER NOT NULL,
    hash    UBIGINT NOT NULL,
    doc_id  VARCHAR NOT NULL
);
CREATE INDEX article_bands_key ON article_bands (hash);

-- A duplicate article points at the earliest stored copy (its canonical article).
CREATE TABLE duplicates (
    doc_id       VARCHAR PRIMARY KEY,
    duplicate_of VARCHAR NOT NULL,
    similarity   DOUBLE NOT NULL,     -- estimated Jaccard of word shingles; 1.0 exact
    exact        BOOLEAN NOT NULL     -- same normalised body text
);

-- One happening, reported by one or more event records. The instance tables are rewritten
-- in full by each refresh, so they carry no index to maintain. Instead they are written
-- in ``instance_no`` order, which clusters instances by country pair, then code pair, then
-- date: a dyad's instances are a few contiguous runs of instance_no, and DuckDB's per-row-
-- group min/max statistics let a range query read only the row groups holding them.
CREATE TABLE instances (
    instance_no     BIGINT NOT NULL,
    instance_id     VARCHAR NOT NULL, -- stable id: hash of type, actor codes and date
    event           VARCHAR NOT NULL,
    mode            VARCHAR,
    context         VARCHAR[],
    actor           JSON,             -- [{"code": "SRBGOV", "name": "Aleksandar Vucic"}]
    recipient       JSON,
    actor_codes     VARCHAR[],
    recipient_codes VARCHAR[],
    date_value      VARCHAR NOT NULL,
    date_precision  VARCHAR NOT NULL,
    first_day       DATE NOT NULL,
    last_day        DATE NOT NULL,
    historical_only BOOLEAN NOT NULL, -- known only from articles recalling it as history
    quad_code       INTEGER,
    event_scale     DOUBLE,
    reports         INTEGER NOT NULL, -- event records merged into it
    articles        INTEGER NOT NULL, -- distinct articles reporting it
    independent     INTEGER NOT NULL  -- distinct articles that are not duplicates of another
);

-- Every report of an instance: the article and the sentence (in instance_no order).
CREATE TABLE instance_sources (
    instance_no    BIGINT NOT NULL,
    doc_id         VARCHAR NOT NULL,
    ordinal        INTEGER NOT NULL,
    published      DATE,
    publisher      VARCHAR,
    aux            VARCHAR,
    date_text      VARCHAR,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    duplicate_of   VARCHAR
);

-- Dyad lookup: one row per instance and undirected pair of actor keys. A key is
-- "c:SRBGOV" (code), "k:SRB" (country) or "n:vucic" (folded surname); ``pair`` is the
-- two keys sorted and joined by "|"; pair_hash is md5_number_upper(pair) (the first 8
-- bytes of its MD5, little-endian) and rows are written sorted by it.
CREATE TABLE instance_dyads (
    pair_hash   UBIGINT NOT NULL,
    pair        VARCHAR NOT NULL,
    instance_no BIGINT NOT NULL
);

CREATE TABLE findings (
    finding_id              VARCHAR PRIMARY KEY,
    kind                    VARCHAR NOT NULL, -- contact_gap | first_of_type | cooperation_break
    instance_id             VARCHAR NOT NULL,
    event                   VARCHAR NOT NULL,
    mode                    VARCHAR,
    date_value              VARCHAR NOT NULL,
    date_precision          VARCHAR NOT NULL,
    first_day               DATE NOT NULL,
    actor                   JSON,
    recipient               JSON,
    actor_code              VARCHAR NOT NULL,
    recipient_code          VARCHAR NOT NULL,
    actor_key               VARCHAR,  -- folded names, for --actor filters
    recipient_key           VARCHAR,
    text                    VARCHAR NOT NULL,
    previous_instance_id    VARCHAR,
    previous_date_value     VARCHAR,
    previous_date_precision VARCHAR,
    gap_days                INTEGER,
    gap_months              INTEGER,
    doc_ids                 VARCHAR[] NOT NULL
);
