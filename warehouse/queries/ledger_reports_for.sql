-- Every claim merged into the events $event_ids, with its article's date and source: what
-- status assessment reads. Claims and events are read by key (the claims_event index,
-- migration 0021, and the events' primary key), not joined whole.
WITH c AS (
    SELECT * FROM claims WHERE event_id IN (SELECT unnest($event_ids::VARCHAR[]))
)
SELECT c.event_id, e.type, c.subject_id, c.subject_name, c.object_id, c.object_name,
       c.members, c.date, c.polarity, a.published,
       coalesce(a.publisher, a.source_id) AS source,
       c.killed, c.wounded, c.kidnapped
FROM c
JOIN events AS e ON e.event_id = c.event_id AND e.event_id IN (SELECT unnest($event_ids::VARCHAR[]))
LEFT JOIN articles AS a ON a.article_id = c.article_id
ORDER BY c.event_id, a.published NULLS LAST, c.claim_id;
