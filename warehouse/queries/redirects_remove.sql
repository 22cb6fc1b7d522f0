-- Withdraw the redirects a verdict made for an event (the verdict changed).
DELETE FROM event_redirects WHERE to_event_id = $event_id AND reason = 'confirmed'
   OR from_event_id = $event_id AND reason = 'duplicate';
