SELECT event_id FROM events WHERE event_id IN (SELECT unnest($event_ids::VARCHAR[]));
