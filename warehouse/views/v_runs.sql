-- v_runs: one row per monitoring run, newest first in the example, with its figures.
--
-- Start and finish times, status ('running' while in progress or if the run died),
-- duration in seconds, how many articles were seen and new, claims and events new,
-- errors recorded (`errors` as reported by the run; `errors_recorded` counted from the
-- errors table), the digest path, and the full summary as JSON.
--
-- Example: the last ten runs and what each found
--   SELECT run_id, started_at, status, duration_s, articles_new, events_new, errors_recorded
--   FROM v_runs ORDER BY started_at DESC LIMIT 10;
CREATE OR REPLACE VIEW v_runs AS
SELECT
    r.run_id, r.started_at, r.finished_at, r.status,
    date_diff('millisecond', r.started_at, r.finished_at) / 1000.0 AS duration_s,
    r.articles_seen, r.articles_new, r.claims_new, r.events_new, r.errors,
    (SELECT count(*) FROM errors AS x WHERE x.run_id = r.run_id) AS errors_recorded,
    r.digest_path, r.summary
FROM runs AS r;
