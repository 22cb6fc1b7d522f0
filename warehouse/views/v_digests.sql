-- v_digests: one row per digest built for a recipient, newest first in the example.
--
-- Status 'queued' (recorded, not yet accepted: retried on the next run), 'sent' (accepted
-- by the mail server), 'written' (into the outbox folder, no SMTP configured) or 'failed'
-- (refused for good, e.g. 550; its events go into the recipient's next digest). With the
-- number of events, delivery attempts, the last SMTP reply code and error, and timings.
--
-- Example: digests that have not gone out
--   SELECT recipient, subject, status, attempts, last_error FROM v_digests
--   WHERE status IN ('queued', 'failed') ORDER BY created_at DESC;
CREATE OR REPLACE VIEW v_digests AS
SELECT
    o.digest_id, o.recipient, o.run_id, o.message_id, o.subject, len(o.event_ids) AS n_events,
    o.status, o.channel, o.location, o.attempts, o.last_code, o.last_error,
    o.created_at, o.last_attempt_at, o.done_at
FROM outbox AS o;
