-- What this run got from each source (staged_source_runs); a re-recorded run replaces nothing.
INSERT INTO source_runs (run_id, source_id, status, items, requests, not_modified, error, seconds)
SELECT $run_id, source_id, status, items, requests, not_modified, error, seconds FROM staged_source_runs
ON CONFLICT (run_id, source_id) DO NOTHING;
