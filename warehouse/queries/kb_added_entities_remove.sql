-- Withdraw the entities an event added (its verdict is no longer confirm).
DELETE FROM kb_added_entities WHERE event_id = $event_id;
