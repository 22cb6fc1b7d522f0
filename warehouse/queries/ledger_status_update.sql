-- Write recomputed status, reason, date (the most precise reported) and first report of
-- the staged_ledger_status events; returns the ids of the rows that changed.
UPDATE events AS e
SET status = s.status, reason = s.reason, date = coalesce(s.date, e.date),
    first_reported = s.first_reported, updated_at = now(),
    changed = nextval('event_changes')  -- migration 0021: delivery looks at it again
FROM staged_ledger_status AS s
WHERE e.event_id = s.event_id
  AND (e.status IS DISTINCT FROM s.status OR e.reason IS DISTINCT FROM s.reason
       OR e.date IS DISTINCT FROM coalesce(s.date, e.date)
       OR e.first_reported IS DISTINCT FROM s.first_reported)
RETURNING e.event_id;
