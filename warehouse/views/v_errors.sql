-- v_errors: items a run could not process (a feed that failed, a page that did not
-- parse), with why; the run went on without them.
--
-- One row per recorded error: the run and when it started, the source (with its kind and
-- URL when the source is known), the item (file or URL), the reason, and when it was
-- recorded.
--
-- Example: which sources failed most over the last week?
--   SELECT source_id, count(*) AS n, any_value(reason) AS a_reason
--   FROM v_errors WHERE recorded_at >= now() - INTERVAL 7 DAY
--   GROUP BY source_id ORDER BY n DESC;
CREATE OR REPLACE VIEW v_errors AS
SELECT
    x.run_id, r.started_at AS run_started_at,
    x.source_id, s.kind AS source_kind, s.url AS source_url,
    x.item, x.reason, x.recorded_at
FROM errors AS x
LEFT JOIN runs AS r USING (run_id)
LEFT JOIN sources AS s USING (source_id);
