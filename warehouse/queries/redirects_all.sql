-- Every event redirect (from_event_id -> to_event_id).
SELECT from_event_id, to_event_id FROM event_redirects ORDER BY from_event_id;
