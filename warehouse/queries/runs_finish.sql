-- Finish a run with its figures; returns the run id when the run exists.
UPDATE runs SET
    finished_at   = $finished_at,
    status        = $status,
    articles_seen = $articles_seen,
    articles_new  = $articles_new,
    claims_new    = $claims_new,
    events_new    = $events_new,
    errors        = $errors,
    digest_path   = $digest_path,
    summary       = $summary::JSON
WHERE run_id = $run_id
RETURNING run_id;
