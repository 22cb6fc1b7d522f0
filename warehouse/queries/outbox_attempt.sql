-- The outcome of one delivery attempt of a digest: 'queued' (temporary failure, retried on
-- the next run), 'sent', 'written' or 'failed' (permanent). Counts the attempt.
UPDATE outbox SET
    status = $status, channel = $channel, location = $location,
    attempts = attempts + 1, last_code = $code, last_error = $error,
    last_attempt_at = $at,
    done_at = CASE WHEN $status = 'queued' THEN NULL ELSE $at END
WHERE digest_id = $digest_id;
