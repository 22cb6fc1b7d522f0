-- One ledger event as the verdict command shows and snapshots it.
SELECT event_id, type, status, reason, subject_id, subject_name, object_id, object_name,
       members, date, place, country, killed, wounded, kidnapped, n_sources
FROM events WHERE event_id = $event_id;
