-- The status of one digest, if it was ever recorded.
SELECT status FROM outbox WHERE digest_id = $digest_id;
