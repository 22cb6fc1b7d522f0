-- Mark the given events changed (the next number of `event_changes`, migration 0021): a
-- verdict on them, or a digest carrying them refused for good; delivery looks at them again.
UPDATE events SET changed = nextval('event_changes')
WHERE event_id IN (SELECT unnest($event_ids::VARCHAR[]));
