-- Every claim merged into the given events (NULL: all events), with its article's date and
-- source: what status assessment reads.
SELECT c.event_id, e.type, c.subject_id, c.subject_name, c.object_id, c.object_name,
       c.members, c.date, c.polarity, a.published,
       coalesce(a.publisher, a.source_id) AS source,
       c.killed, c.wounded, c.kidnapped
FROM claims AS c
JOIN events AS e USING (event_id)
LEFT JOIN articles AS a USING (article_id)
WHERE $event_ids::VARCHAR[] IS NULL OR list_contains($event_ids::VARCHAR[], c.event_id)
ORDER BY c.event_id, a.published NULLS LAST, c.claim_id;
