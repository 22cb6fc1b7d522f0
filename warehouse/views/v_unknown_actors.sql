-- v_unknown_actors: actors the knowledge base does not know: candidate new entities.
--
-- One row per name (as the extractor read it) of a party with no KB id, over every claim:
-- how many claims and events name it, in which roles and claim types, the first and last
-- publication dates, one example sentence and its article's URL. Confirm an event
-- (`sahelwatch verdict EVENT confirm`) to add the actor to the knowledge base.
--
-- Example: the most reported unknown actors
--   SELECT name, n_events, n_claims, first_published, example FROM v_unknown_actors
--   ORDER BY n_events DESC, name;
CREATE OR REPLACE VIEW v_unknown_actors AS
WITH parties AS (
    SELECT subject_name AS name, 'subject' AS role, claim_id, event_id, type, article_id, sentence
    FROM claims WHERE subject_id IS NULL AND subject_name IS NOT NULL
    UNION ALL
    SELECT object_name, 'object', claim_id, event_id, type, article_id, sentence
    FROM claims WHERE object_id IS NULL AND object_name IS NOT NULL
    UNION ALL
    SELECT m.name, 'member', claim_id, event_id, type, article_id, sentence
    FROM claims AS c, unnest(c.members) AS u(m) WHERE m.id IS NULL AND m.name IS NOT NULL
)
SELECT p.name,
       count(DISTINCT p.event_id) AS n_events,
       count(DISTINCT p.claim_id) AS n_claims,
       list_sort(list(DISTINCT p.role)) AS roles,
       list_sort(list(DISTINCT p.type)) AS types,
       min(a.published) AS first_published, max(a.published) AS last_published,
       arg_min(p.sentence, a.published) AS example,
       arg_min(a.url, a.published) AS example_url
FROM parties AS p LEFT JOIN articles AS a USING (article_id)
WHERE NOT starts_with(p.name, '<')
GROUP BY p.name;
