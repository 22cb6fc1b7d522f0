-- Record per-item errors from staged_errors (the same error recorded twice is one row).
INSERT INTO errors (error_id, run_id, source_id, item, reason, recorded_at)
SELECT error_id, $run_id, source_id, item, reason, now() FROM staged_errors
ON CONFLICT (error_id) DO NOTHING;
