-- 005_internal_schema: the store's own tables move to the schema `internal`, so that the
-- schema `main` holds only what an analyst queries: the public views `articles`, `quotes`,
-- `events`, `instances` and `findings` (tidings.store.views, created from tidings.shapes
-- by every writable open). Columns, keys and indexes are those of 001-004; DuckDB cannot
-- move a table between schemas, so each is created anew and its rows copied.

CREATE SCHEMA internal;
DROP VIEW actors;

CREATE TABLE internal.schema_version (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);
INSERT INTO internal.schema_version SELECT * FROM main.schema_version;
DROP TABLE main.schema_version;

CREATE TABLE internal.documents (
    content_hash VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, format VARCHAR NOT NULL,
    encoding VARCHAR, hints JSON, ingested_at TIMESTAMP NOT NULL);
INSERT INTO internal.documents SELECT * FROM main.documents;
DROP TABLE main.documents;

CREATE TABLE internal.articles (
    doc_id VARCHAR PRIMARY KEY, title VARCHAR, credit VARCHAR, byline VARCHAR,
    publisher VARCHAR, url VARCHAR, published DATE, language VARCHAR, body VARCHAR NOT NULL,
    paragraphs JSON, furniture JSON);
INSERT INTO internal.articles SELECT * FROM main.articles;
DROP TABLE main.articles;

CREATE TABLE internal.mentions (
    doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL, text VARCHAR NOT NULL,
    "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, how VARCHAR, name VARCHAR NOT NULL,
    code VARCHAR NOT NULL, role VARCHAR, country VARCHAR, sector VARCHAR, kind VARCHAR);
INSERT INTO internal.mentions SELECT * FROM main.mentions;
DROP TABLE main.mentions;

CREATE TABLE internal.quotes (
    doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL, text VARCHAR NOT NULL,
    "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, speaker_code VARCHAR,
    speaker_name VARCHAR, speaker_key VARCHAR, cue VARCHAR, partial BOOLEAN NOT NULL,
    speaker_start INTEGER, speaker_end INTEGER);
INSERT INTO internal.quotes SELECT * FROM main.quotes;
DROP TABLE main.quotes;

CREATE TABLE internal.dates (
    doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL, text VARCHAR NOT NULL,
    "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, value VARCHAR,
    precision VARCHAR NOT NULL, relation VARCHAR NOT NULL, duration_days DOUBLE,
    first_day DATE, last_day DATE);
INSERT INTO internal.dates SELECT * FROM main.dates;
DROP TABLE main.dates;

CREATE TABLE internal.events (
    doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL, event VARCHAR NOT NULL, mode VARCHAR,
    context VARCHAR[], aux VARCHAR, actor JSON, recipient JSON, actor_codes VARCHAR[],
    recipient_codes VARCHAR[], actor_keys VARCHAR[], recipient_keys VARCHAR[],
    date_value VARCHAR, date_precision VARCHAR, first_day DATE, last_day DATE,
    date_text VARCHAR, location VARCHAR, sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL, text VARCHAR NOT NULL, trigger VARCHAR,
    rule VARCHAR NOT NULL, cameo VARCHAR, confidence DOUBLE);
INSERT INTO internal.events SELECT * FROM main.events;
DROP TABLE main.events;

CREATE TABLE internal.article_signatures (
    doc_id VARCHAR PRIMARY KEY, body_hash VARCHAR NOT NULL, minhash UBIGINT[] NOT NULL,
    words INTEGER NOT NULL);
INSERT INTO internal.article_signatures SELECT * FROM main.article_signatures;
DROP TABLE main.article_signatures;
CREATE INDEX article_signatures_body ON internal.article_signatures (body_hash);

CREATE TABLE internal.article_bands (
    band INTEGER NOT NULL, hash UBIGINT NOT NULL, doc_id VARCHAR NOT NULL);
INSERT INTO internal.article_bands SELECT * FROM main.article_bands;
DROP TABLE main.article_bands;
CREATE INDEX article_bands_key ON internal.article_bands (hash);

CREATE TABLE internal.duplicates (
    doc_id VARCHAR PRIMARY KEY, duplicate_of VARCHAR NOT NULL, similarity DOUBLE NOT NULL,
    exact BOOLEAN NOT NULL);
INSERT INTO internal.duplicates SELECT * FROM main.duplicates;
DROP TABLE main.duplicates;

CREATE TABLE internal.instances (
    instance_no BIGINT NOT NULL, instance_id VARCHAR NOT NULL, event VARCHAR NOT NULL,
    mode VARCHAR, context VARCHAR[], actor JSON, recipient JSON, actor_codes VARCHAR[],
    recipient_codes VARCHAR[], date_value VARCHAR NOT NULL, date_precision VARCHAR NOT NULL,
    first_day DATE NOT NULL, last_day DATE NOT NULL, historical_only BOOLEAN NOT NULL,
    quad_code INTEGER, event_scale DOUBLE, reports INTEGER NOT NULL,
    articles INTEGER NOT NULL, independent INTEGER NOT NULL);
INSERT INTO internal.instances SELECT * FROM main.instances ORDER BY instance_no;
DROP TABLE main.instances;

CREATE TABLE internal.instance_sources (
    instance_no BIGINT NOT NULL, doc_id VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    published DATE, publisher VARCHAR, aux VARCHAR, date_text VARCHAR,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL, text VARCHAR NOT NULL,
    duplicate_of VARCHAR);
INSERT INTO internal.instance_sources SELECT * FROM main.instance_sources ORDER BY instance_no;
DROP TABLE main.instance_sources;

CREATE TABLE internal.instance_dyads (
    pair_hash UBIGINT NOT NULL, pair VARCHAR NOT NULL, instance_no BIGINT NOT NULL);
INSERT INTO internal.instance_dyads SELECT * FROM main.instance_dyads ORDER BY pair_hash;
DROP TABLE main.instance_dyads;

CREATE TABLE internal.findings (
    finding_id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, instance_id VARCHAR NOT NULL,
    event VARCHAR NOT NULL, mode VARCHAR, date_value VARCHAR NOT NULL,
    date_precision VARCHAR NOT NULL, first_day DATE NOT NULL, actor JSON, recipient JSON,
    actor_code VARCHAR NOT NULL, recipient_code VARCHAR NOT NULL, actor_key VARCHAR,
    recipient_key VARCHAR, text VARCHAR NOT NULL, previous_instance_id VARCHAR,
    previous_date_value VARCHAR, previous_date_precision VARCHAR, gap_days INTEGER,
    gap_months INTEGER, doc_ids VARCHAR[] NOT NULL);
INSERT INTO internal.findings SELECT * FROM main.findings;
DROP TABLE main.findings;

CREATE TABLE internal.refresh_pending (doc_id VARCHAR NOT NULL);
INSERT INTO internal.refresh_pending SELECT * FROM main.refresh_pending;
DROP TABLE main.refresh_pending;

COMMENT ON TABLE internal.schema_version IS 'tidings internal: the migrations applied to this store';
COMMENT ON TABLE internal.documents IS 'tidings internal: one row per input document, keyed by the sha256 of its bytes (the raw content is not kept)';
COMMENT ON TABLE internal.articles IS 'tidings internal: the clean article of each document; query the view main.articles';
COMMENT ON TABLE internal.mentions IS 'tidings internal: every actor mention (name, title, pronoun) with its offsets and resolved actor';
COMMENT ON TABLE internal.quotes IS 'tidings internal: quotes with folded speaker names for filters; query the view main.quotes';
COMMENT ON TABLE internal.dates IS 'tidings internal: every date expression, resolved, with the days it covers';
COMMENT ON TABLE internal.events IS 'tidings internal: coded events with flattened codes and folded names for filters; query the view main.events';
COMMENT ON TABLE internal.article_signatures IS 'tidings internal: normalised body hash and MinHash signature of each article (duplicate detection)';
COMMENT ON TABLE internal.article_bands IS 'tidings internal: LSH bands of the signatures; two articles sharing a band are candidate duplicates';
COMMENT ON TABLE internal.duplicates IS 'tidings internal: articles linked as exact or near copies of the earliest stored copy';
COMMENT ON TABLE internal.instances IS 'tidings internal: event instances, written in dyad cluster order (instance_no); query the view main.instances';
COMMENT ON TABLE internal.instance_sources IS 'tidings internal: every report (article, sentence) of an instance';
COMMENT ON TABLE internal.instance_dyads IS 'tidings internal: dyad lookup keys of each instance (pair of code, country or surname keys)';
COMMENT ON TABLE internal.findings IS 'tidings internal: computed findings with folded names for filters; query the view main.findings';
COMMENT ON TABLE internal.refresh_pending IS 'tidings internal: articles whose duplicates, instances and findings are not yet rebuilt';
