-- Events seen again keep their first status and fields; only the last run that saw them moves.
-- By key alone (the primary key's index): another condition here made DuckDB scan every event.
UPDATE events SET last_seen_run = $run_id
WHERE event_id IN (SELECT unnest($event_ids::VARCHAR[]));
