-- 003_event_confidence: the event typer's probability of each event's type.
--
-- NULL for events coded by the lexicon alone (stores written before the typer, or runs
-- without it).

ALTER TABLE events ADD COLUMN confidence DOUBLE;
