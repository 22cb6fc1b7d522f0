-- Current status of the given events.
SELECT event_id, status FROM events WHERE event_id IN (SELECT unnest($event_ids::VARCHAR[]));
