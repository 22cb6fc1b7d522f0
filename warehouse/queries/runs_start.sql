-- Start a run (a second start of the same run id changes nothing).
INSERT INTO runs (run_id, started_at, status) VALUES ($run_id, $started_at, 'running')
ON CONFLICT (run_id) DO NOTHING;
