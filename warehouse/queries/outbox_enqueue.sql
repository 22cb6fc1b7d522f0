-- Record a digest before it is sent; recording the same digest id again changes nothing.
INSERT INTO outbox (digest_id, recipient, run_id, message_id, subject, event_ids, message, html,
                    status, attempts, created_at)
VALUES ($digest_id, $recipient, $run_id, $message_id, $subject, $event_ids::VARCHAR[], $message,
        $html, 'queued', 0, $created_at)
ON CONFLICT (digest_id) DO NOTHING;
