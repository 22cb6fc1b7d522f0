-- Recompute n_sources (independent stories reporting the event: copies of one wire story,
-- sharing a story_id (migration 0006), count once; an article without one counts by its
-- content hash) and the best claim (highest confidence, asserted before hedged/denied, earliest article, then id).
WITH reporting AS (
    SELECT c.event_id, c.claim_id, c.confidence, c.polarity, a.published,
           coalesce(a.story_id, a.content_hash, c.article_id) AS content_key
    FROM claims AS c
    LEFT JOIN articles AS a USING (article_id)
    WHERE c.event_id IN (SELECT unnest($event_ids::VARCHAR[]))
),
stats AS (
    SELECT event_id,
           count(DISTINCT content_key) AS n_sources,
           arg_min(claim_id, (-confidence, polarity <> 'asserted', published, claim_id)) AS best_claim_id
    FROM reporting
    GROUP BY event_id
)
UPDATE events AS e
SET n_sources = s.n_sources, best_claim_id = s.best_claim_id, updated_at = now()
FROM stats AS s
WHERE e.event_id = s.event_id
  AND (e.n_sources IS DISTINCT FROM s.n_sources OR e.best_claim_id IS DISTINCT FROM s.best_claim_id);
