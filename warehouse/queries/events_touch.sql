-- Events seen again keep their first status and fields; only the last run that saw them moves.
UPDATE events SET last_seen_run = $run_id
WHERE event_id IN (SELECT unnest($event_ids::VARCHAR[]))
  AND last_seen_run IS DISTINCT FROM $run_id;
