-- The ledger events sharing a merge key with a batch's claims ($merge_keys), with their
-- dates: the only events those claims may join (a run reads these, not the whole ledger).
SELECT merge_key, event_id, date
FROM events
WHERE merge_key IN (SELECT unnest($merge_keys::VARCHAR[]))
ORDER BY merge_key, event_id;
