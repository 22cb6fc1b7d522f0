-- The events that may be pending for a recipient: changed after $after (events.changed,
-- migration 0021: the recipient's mark; -1: every event), with a status in $statuses, a
-- type in $types and a country in $countries (lower case; each: any when empty).
-- pending_digest_items then reads deliveries, verdicts and claims for these ids only.
SELECT e.event_id
FROM events AS e
WHERE e.changed > $after
  AND list_contains($statuses::VARCHAR[], e.status)
  AND (len($types::VARCHAR[]) = 0 OR list_contains($types::VARCHAR[], e.type))
  AND (len($countries::VARCHAR[]) = 0 OR list_contains($countries::VARCHAR[], lower(e.country)));
