-- 004_refresh_pending: articles whose derived rows (signatures, duplicate links, event
-- instances, findings) are not yet current.
--
-- A row is written in the same transaction as its article and deleted in the same
-- transaction as the rebuilt instances and findings, so a refresh cut short (a crash, a
-- kill) leaves its rows here and the next ingest finishes the refresh, even when it
-- stores nothing new.
CREATE TABLE refresh_pending (
    doc_id VARCHAR NOT NULL
);
