-- Current status of the given events.
SELECT event_id, status FROM events WHERE list_contains($event_ids::VARCHAR[], event_id);
