-- When the last digest to $recipient was built (daily digests: one per day).
SELECT max(created_at) FROM outbox WHERE recipient = $recipient;
