-- Insert staged_ledger_events not yet in the ledger; returns the ids inserted (the new events).
INSERT INTO events (event_id, type, subject_id, subject_name, object_id, object_name, members,
                    date, place, country, killed, wounded, kidnapped, status, reason, merge_key,
                    n_sources, first_seen_run, last_seen_run, first_seen_at, updated_at, changed)
SELECT event_id, type, subject_id, subject_name, object_id, object_name, members,
       date, place, country, killed, wounded, kidnapped, status, reason, merge_key,
       0, $run_id, $run_id, now(), now(), nextval('event_changes')
FROM staged_ledger_events
ON CONFLICT (event_id) DO NOTHING
RETURNING event_id;
