INSERT INTO event_redirects (from_event_id, to_event_id, reason, created_at)
SELECT from_event_id, to_event_id, reason, now() FROM staged_redirects
ON CONFLICT (from_event_id) DO UPDATE SET to_event_id = excluded.to_event_id, reason = excluded.reason;
