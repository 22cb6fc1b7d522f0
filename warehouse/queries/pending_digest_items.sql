-- Which of the $candidates (pending_candidates.sql: events in the recipient's statuses,
-- types and countries, changed after their mark) are not yet delivered to $recipient and
-- match the recipient's watchlist, with the evidence of their best claim (its sentence, and
-- `mentions`: the surface forms of its parties, for highlighting) and every article
-- reporting them. Deliveries, verdicts and claims are read by these ids (the indexes of
-- migration 0021), never joined whole against every event.
--
-- Delivered: a 'sent' or 'written' delivery. An event in a digest still queued in the outbox
-- (waiting for a retry) is not pending either: the retry carries it. An event of a digest
-- refused for good (failed) is pending again, so it goes into the recipient's next digest.
-- Watchlist: $follow_all, or a party of the event (subject, object, a merging member, in
-- any of its claims) in $entity_ids.
-- Most pressing first ($status_order, then dated before undated, newest first), at most
-- $max_items of them; `pending_total` counts them all (the rest wait for the next digest).
WITH candidates AS (
    SELECT e.* FROM events AS e WHERE e.event_id IN (SELECT unnest($candidates::VARCHAR[]))
),
settled AS (
    SELECT d.event_id FROM deliveries AS d
    WHERE d.recipient = $recipient AND d.status IN ('sent', 'written')
      AND d.event_id IN (SELECT unnest($candidates::VARCHAR[]))
    UNION
    SELECT v.event_id FROM verdicts AS v  -- an event the analysts rejected never alerts again (issue 5)
    WHERE v.verdict IN ('reject', 'duplicate')
    UNION
    SELECT unnest(o.event_ids) FROM outbox AS o
    WHERE o.recipient = $recipient AND o.status = 'queued'
),
watched AS (
    SELECT DISTINCT w.event_id FROM claims AS w
    WHERE NOT $follow_all::BOOLEAN
      AND w.event_id IN (SELECT unnest($candidates::VARCHAR[]))
      AND list_has_any($entity_ids::VARCHAR[],
                       list_concat([w.subject_id, w.object_id], [m.id FOR m IN coalesce(w.members, [])]))
),
pending AS (
    SELECT e.* FROM candidates AS e
    WHERE e.event_id NOT IN (SELECT event_id FROM settled)
      AND ($follow_all::BOOLEAN
           OR list_has_any($entity_ids::VARCHAR[], [e.subject_id, e.object_id])
           OR e.event_id IN (SELECT event_id FROM watched))
),
reporting AS (
    SELECT DISTINCT c.event_id, a.article_id, a.url, a.title, a.published
    FROM claims AS c
    JOIN articles AS a USING (article_id)
    WHERE c.event_id IN (SELECT unnest($candidates::VARCHAR[]))  -- by key first
      AND c.event_id IN (SELECT event_id FROM pending)
),
reports AS (
    SELECT event_id,
           list({'url': url, 'title': title} ORDER BY published NULLS LAST, url) AS reports
    FROM reporting
    GROUP BY event_id
)
SELECT
    p.event_id, p.type, p.status, p.reason, p.date, p.place, p.country,
    p.subject_name, p.object_name, coalesce(p.members, []) AS members,
    p.killed, p.wounded, p.kidnapped,
    c.polarity, c.confidence, p.n_sources,
    c.sentence AS evidence,
    [x FOR x IN list_concat([c.subject_text, c.object_text], [m.text FOR m IN coalesce(c.members, [])])
     IF x IS NOT NULL] AS mentions,
    a.url AS article_url, a.title AS article_title,
    a.published AS article_published,
    coalesce(r.reports, []) AS reports,
    count(*) OVER () AS pending_total
FROM pending AS p
LEFT JOIN claims AS c ON c.claim_id = p.best_claim_id
LEFT JOIN articles AS a ON a.article_id = c.article_id
LEFT JOIN reports AS r ON r.event_id = p.event_id
ORDER BY list_position($status_order::VARCHAR[], p.status) NULLS LAST, p.date IS NULL, p.date DESC, p.event_id
LIMIT $max_items;
