-- Digests to $recipient still waiting to be accepted, oldest first.
SELECT digest_id, recipient, message_id, subject, event_ids, message, html, attempts, created_at
FROM outbox
WHERE recipient = $recipient AND status = 'queued'
ORDER BY created_at, digest_id;
