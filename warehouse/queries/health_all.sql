-- The stored health of every source (sources.health.SourceHealth fields).
SELECT source_id, last_status, last_checked_at, consecutive_failures, last_error, last_items,
       items_total, item_runs, first_checked_at, first_item_at, last_item_at, last_success_at
FROM source_health;
