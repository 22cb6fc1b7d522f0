-- The ledger events a batch's claims may join: under the merge key of a claim ($merge_keys,
-- each with the claim's date in $dates at the same position) and of a date compatible with
-- that claim's (one a prefix of the other: claims.events.compatible), or among $event_ids
-- (the ids the claims would open, and the verdicts' redirect targets). An attack's place
-- holds events of every date it was ever attacked; a claim can join only those of its date,
-- so the rows read follow the batch, not the age of the ledger.
WITH wanted AS (
    SELECT DISTINCT unnest($merge_keys::VARCHAR[]) AS merge_key, unnest($dates::VARCHAR[]) AS date
)
SELECT DISTINCT e.merge_key, e.event_id, e.date
FROM events AS e
JOIN wanted AS w ON w.merge_key = e.merge_key
WHERE list_contains($event_ids::VARCHAR[], e.event_id)
   OR (w.date <> '' AND e.date <> '' AND (starts_with(w.date, e.date) OR starts_with(e.date, w.date)))
ORDER BY e.merge_key, e.event_id;
