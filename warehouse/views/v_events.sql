-- v_events: the ledger of events (pledges, splits, mergers, attacks) with their evidence.
--
-- One row per event: its defining fields, its status against what is known (new, known,
-- historical, contradicts, unknown_actor) and why, `n_sources` (independent reports: the
-- number of distinct stories, copies of one wire story counting once, whose claims were
-- merged into it; v_event_sources lists them),
-- `n_claims`, and the evidence of its best (highest-confidence) claim: the sentence, its
-- polarity and confidence, and the article's title, URL and publication date.
-- `first_seen_at` is when the event first entered the ledger; `first_seen_run` the run.
--
-- Example: new or contradicting events in Mali with at least two independent sources
--   SELECT date, type, subject_name, object_name, status, reason, n_sources, evidence, url
--   FROM v_events
--   WHERE status IN ('new', 'contradicts') AND country = 'Mali' AND n_sources >= 2
--   ORDER BY date DESC;
CREATE OR REPLACE VIEW v_events AS
SELECT
    e.event_id, e.type, e.status, e.reason, e.date, e.place, e.country,
    e.subject_id, e.subject_name, e.object_id, e.object_name, e.members,
    e.killed, e.wounded, e.kidnapped,
    e.n_sources,
    (SELECT count(*) FROM claims AS k WHERE k.event_id = e.event_id) AS n_claims,
    c.sentence AS evidence, c.polarity, c.confidence,
    a.title, a.url, a.published,
    e.first_seen_run, e.first_seen_at, e.last_seen_run, e.updated_at
FROM events AS e
LEFT JOIN claims AS c ON c.claim_id = e.best_claim_id
LEFT JOIN articles AS a ON a.article_id = c.article_id;
