-- 001_base: documents, articles, actor mentions, quotes, dates and events.
--
-- One row per document in `documents` (keyed by the sha256 of its raw bytes); every other
-- table refers to it by `doc_id` (= documents.content_hash). Child tables carry no primary
-- key or foreign key: the store writes a document and all its rows in one transaction, and
-- skipping index upkeep keeps bulk writes fast. Offsets are character offsets into
-- articles.body. "start"/"end" are quoted because END is an SQL keyword.

CREATE TABLE documents (
    content_hash VARCHAR PRIMARY KEY,
    source       VARCHAR NOT NULL,
    format       VARCHAR NOT NULL,
    encoding     VARCHAR,
    hints        JSON,                 -- metadata the source knew (JSONL fields, CLI hints)
    ingested_at  TIMESTAMP NOT NULL    -- UTC
);

CREATE TABLE articles (
    doc_id     VARCHAR PRIMARY KEY,
    title      VARCHAR,
    credit     VARCHAR,
    byline     VARCHAR,
    publisher  VARCHAR,
    url        VARCHAR,
    published  DATE,
    language   VARCHAR,
    body       VARCHAR NOT NULL,
    paragraphs JSON,                   -- [{"start": 0, "end": 120}, ...]
    furniture  JSON                    -- the input lines dropped as page furniture
);

CREATE TABLE mentions (
    doc_id  VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    text    VARCHAR NOT NULL,
    "start" INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    how     VARCHAR,
    name    VARCHAR NOT NULL,
    code    VARCHAR NOT NULL,
    role    VARCHAR,
    country VARCHAR,
    sector  VARCHAR,
    kind    VARCHAR
);

-- The distinct actors of each article, in order of first mention.
CREATE VIEW actors AS
SELECT doc_id, code, name,
       any_value(role) AS role, any_value(country) AS country,
       any_value(sector) AS sector, any_value(kind) AS kind,
       count(*) AS mentions, min(ordinal) AS first_mention
FROM mentions
GROUP BY doc_id, code, name;

CREATE TABLE quotes (
    doc_id        VARCHAR NOT NULL,
    ordinal       INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    "start"       INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    speaker_code  VARCHAR,
    speaker_name  VARCHAR,
    speaker_key   VARCHAR,             -- folded speaker name, for name filters
    cue           VARCHAR,
    partial       BOOLEAN NOT NULL,
    speaker_start INTEGER,
    speaker_end   INTEGER
);

CREATE TABLE dates (
    doc_id        VARCHAR NOT NULL,
    ordinal       INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    "start"       INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    value         VARCHAR,             -- ISO 8601 at its precision
    precision     VARCHAR NOT NULL,
    relation      VARCHAR NOT NULL,
    duration_days DOUBLE,
    first_day     DATE,
    last_day      DATE
);

CREATE TABLE events (
    doc_id           VARCHAR NOT NULL,
    ordinal          INTEGER NOT NULL,
    event            VARCHAR NOT NULL, -- PLOVER event type
    mode             VARCHAR,
    context          VARCHAR[],
    aux              VARCHAR,
    actor            JSON,             -- [{"code": "RUSGOV", "name": "Vladimir Putin"}]
    recipient        JSON,
    actor_codes      VARCHAR[],        -- flattened for filters
    recipient_codes  VARCHAR[],
    actor_keys       VARCHAR[],        -- folded names (lower case, no accents)
    recipient_keys   VARCHAR[],
    date_value       VARCHAR,
    date_precision   VARCHAR,
    first_day        DATE,             -- the days the date covers, for range queries
    last_day         DATE,
    date_text        VARCHAR,
    location         VARCHAR,
    sentence_start   INTEGER NOT NULL,
    sentence_end     INTEGER NOT NULL,
    text             VARCHAR NOT NULL,
    trigger          VARCHAR,
    rule             VARCHAR NOT NULL,
    cameo            VARCHAR
);
