-- Record (or replace) the analyst's verdict on one event.
INSERT INTO verdicts (event_id, verdict, duplicate_of, note, event, decided_at)
VALUES ($event_id, $verdict, $duplicate_of, $note, $event, now())
ON CONFLICT (event_id) DO UPDATE SET verdict = excluded.verdict, duplicate_of = excluded.duplicate_of,
    note = excluded.note, event = excluded.event, decided_at = excluded.decided_at;
