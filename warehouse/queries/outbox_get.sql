-- The recipient and events of one digest.
SELECT recipient, event_ids FROM outbox WHERE digest_id = $digest_id;
