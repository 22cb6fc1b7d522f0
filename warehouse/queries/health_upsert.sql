-- Upsert source health from staged_health (one row per source).
INSERT INTO source_health (source_id, last_status, last_checked_at, consecutive_failures, last_error,
                           last_items, items_total, item_runs, first_checked_at, first_item_at,
                           last_item_at, last_success_at, updated_at)
SELECT source_id, last_status, last_checked_at, consecutive_failures, last_error, last_items,
       items_total, item_runs, first_checked_at, first_item_at, last_item_at, last_success_at, now()
FROM staged_health
ON CONFLICT (source_id) DO UPDATE SET
    last_status = excluded.last_status, last_checked_at = excluded.last_checked_at,
    consecutive_failures = excluded.consecutive_failures, last_error = excluded.last_error,
    last_items = excluded.last_items, items_total = excluded.items_total, item_runs = excluded.item_runs,
    first_checked_at = excluded.first_checked_at, first_item_at = excluded.first_item_at,
    last_item_at = excluded.last_item_at, last_success_at = excluded.last_success_at,
    updated_at = excluded.updated_at;
