-- Every analyst verdict (the event snapshot as JSON text).
SELECT event_id, verdict, duplicate_of, note, CAST(event AS VARCHAR) AS event, decided_at
FROM verdicts ORDER BY decided_at, event_id;
