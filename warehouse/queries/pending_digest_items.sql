-- Events in $statuses not yet delivered to $recipient (a failed delivery does not count),
-- with the evidence of their best claim (its sentence, and `mentions`: the surface forms of
-- its parties, for highlighting) and every article reporting them.
WITH pending AS (
    SELECT e.*
    FROM events AS e
    WHERE list_contains($statuses::VARCHAR[], e.status)
      AND NOT EXISTS (
          SELECT 1 FROM deliveries AS d
          WHERE d.event_id = e.event_id AND d.recipient = $recipient
            AND d.status IN ('sent', 'written'))
),
reporting AS (
    SELECT DISTINCT c.event_id, a.article_id, a.url, a.title, a.published
    FROM claims AS c
    JOIN articles AS a USING (article_id)
    WHERE c.event_id IN (SELECT event_id FROM pending)
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
    coalesce(r.reports, []) AS reports
FROM pending AS p
LEFT JOIN claims AS c ON c.claim_id = p.best_claim_id
LEFT JOIN articles AS a ON a.article_id = c.article_id
LEFT JOIN reports AS r ON r.event_id = p.event_id
ORDER BY p.type, p.date NULLS LAST, p.event_id;
