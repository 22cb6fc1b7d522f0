-- Upsert conditional-GET validators from staged_cursors (one row per source_id, url).
INSERT INTO source_cursors (source_id, url, etag, last_modified, checked_at)
SELECT source_id, url, etag, last_modified, now() FROM staged_cursors
ON CONFLICT (source_id, url) DO UPDATE SET
    etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at;
