-- What the next digest to $recipient should say about earlier ones: digests refused for good
-- since the last one accepted, and digests still waiting for a retry.
WITH accepted AS (
    SELECT max(done_at) AS at FROM outbox
    WHERE recipient = $recipient AND status IN ('sent', 'written')
)
SELECT digest_id, subject, status, attempts, last_code, last_error, created_at,
       len(event_ids) AS n_events
FROM outbox, accepted
WHERE recipient = $recipient
  AND (status = 'queued' OR (status = 'failed' AND (accepted.at IS NULL OR done_at > accepted.at)))
ORDER BY created_at, digest_id;
