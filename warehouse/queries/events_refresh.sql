-- Recompute n_sources (independent stories reporting the event: copies of one wire story,
-- sharing a story_id (migration 0006), count once; an article without one counts by its
-- content hash) and the best claim (highest confidence, asserted before hedged/denied, earliest article, then id)
-- of events that claims joined; each is marked changed (events.changed, migration 0021).
WITH joined AS (  -- by key (the claims_event index, migration 0021)
    SELECT event_id, claim_id, confidence, polarity, article_id
    FROM claims WHERE event_id IN (SELECT unnest($event_ids::VARCHAR[]))
),
reporting AS (
    SELECT c.event_id, c.claim_id, c.confidence, c.polarity, a.published,
           coalesce(a.story_id, a.content_hash, c.article_id) AS content_key
    FROM joined AS c
    LEFT JOIN articles AS a USING (article_id)
),
stats AS (
    SELECT event_id,
           count(DISTINCT content_key) AS n_sources,
           arg_min(claim_id, (-confidence, polarity <> 'asserted', published, claim_id)) AS best_claim_id
    FROM reporting
    GROUP BY event_id
)
UPDATE events AS e
SET n_sources = s.n_sources, best_claim_id = s.best_claim_id,
    updated_at = CASE WHEN e.n_sources IS DISTINCT FROM s.n_sources OR e.best_claim_id IS DISTINCT FROM s.best_claim_id
                      THEN now() ELSE e.updated_at END,
    changed = nextval('event_changes')  -- claims joined it: delivery looks at it again (migration 0021)
FROM stats AS s
WHERE e.event_id = s.event_id
  AND e.event_id IN (SELECT unnest($event_ids::VARCHAR[]));  -- by key, not a join with every event
