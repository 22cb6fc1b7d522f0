-- Remove one event from the ledger (a duplicate, once its claims have moved).
DELETE FROM events WHERE event_id = $event_id;
