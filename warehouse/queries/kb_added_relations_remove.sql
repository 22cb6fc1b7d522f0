-- Withdraw the relations an event added (its verdict is no longer confirm).
DELETE FROM kb_added_relations WHERE event_id = $event_id;
