-- Upsert the watched sources from staged_sources (one row per source_id).
INSERT INTO sources (source_id, kind, url, lang, enabled, reliability, poll_minutes, config, updated_at)
SELECT source_id, kind, url, lang, enabled, reliability, poll_minutes, config::JSON, now()
FROM staged_sources
ON CONFLICT (source_id) DO UPDATE SET
    kind = excluded.kind, url = excluded.url, lang = excluded.lang, enabled = excluded.enabled,
    reliability = excluded.reliability, poll_minutes = excluded.poll_minutes,
    config = excluded.config, updated_at = excluded.updated_at;
