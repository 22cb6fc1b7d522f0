-- 0021: delivery reads only what changed (issue 7). Every write to an event (inserted,
-- claims joined, sources or best claim recomputed, status changed, verdict, a refused
-- delivery) takes the next number of the sequence `event_changes` into events.changed.
-- delivery_marks keeps, per recipient, the last number of a complete evaluation of their
-- pending events under their criteria (statuses and watchlist, as a fingerprint): every
-- event changed at or before it was, then, delivered, queued, or not theirs, and stays so
-- until it changes again. The next digest looks only at events changed after the mark
-- (or at every event when the criteria differ or the recipient is new), so its cost
-- follows the events of the run, not the ledger. Existing events start at 0.
CREATE SEQUENCE event_changes START 1;
ALTER TABLE events ADD COLUMN changed BIGINT DEFAULT 0;
UPDATE events SET changed = 0;
CREATE TABLE delivery_marks (
    recipient VARCHAR PRIMARY KEY,
    criteria  VARCHAR NOT NULL,                         -- fingerprint of statuses and watchlist
    through   BIGINT NOT NULL,                          -- events.changed evaluated through
    marked_at TIMESTAMPTZ NOT NULL
);
-- The claims of given events (statuses, sources, evidence) and the deliveries of given
-- events are looked up by event id: with these indexes DuckDB joins through them instead
-- of scanning every claim and delivery (one entry per row, cheap to keep at commit).
-- A later migration that alters these tables drops the index first.
CREATE INDEX claims_event ON claims (event_id);
CREATE INDEX deliveries_event ON deliveries (event_id);
