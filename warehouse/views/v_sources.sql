-- v_sources: one row per watched source, with its health.
--
-- Kind, URL (or search template), language, reliability grade (A-F), poll interval,
-- enabled; the last status (ok, not_modified, partial, error, skipped), when it was last
-- checked, failures in a row, the reason of the last error, new items in the last run and
-- in all, and when the last new item came (a source silent for long is flagged in the run
-- summary). Items per run are in the table source_runs.
--
-- Example: sources failing now, worst first
--   SELECT source_id, consecutive_failures, last_error FROM v_sources
--   WHERE consecutive_failures > 0 ORDER BY consecutive_failures DESC;
CREATE OR REPLACE VIEW v_sources AS
SELECT
    s.source_id, s.kind, s.url, s.lang, s.reliability, s.poll_minutes, s.enabled,
    h.last_status, h.last_checked_at, h.consecutive_failures, h.last_error,
    h.last_items, h.items_total, h.last_item_at, h.last_success_at
FROM sources AS s LEFT JOIN source_health AS h USING (source_id);
