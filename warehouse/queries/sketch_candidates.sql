-- Stored articles sharing at least $min_shared sketch hashes with staged_sketches
-- (article_id, h), with their story and whole sketch: the near-duplicate candidates.
WITH hits AS (
    SELECT s.article_id AS new_id, k.article_id AS old_id, count(*) AS shared
    FROM staged_sketches AS s JOIN article_sketches AS k ON k.h = s.h
    WHERE k.article_id <> s.article_id
    GROUP BY ALL HAVING count(*) >= $min_shared
)
SELECT a.article_id, coalesce(a.story_id, a.article_id) AS story_id,
       list(k.h ORDER BY k.h) AS sketch
FROM (SELECT DISTINCT old_id FROM hits) AS c
JOIN articles AS a ON a.article_id = c.old_id
JOIN article_sketches AS k ON k.article_id = a.article_id
GROUP BY a.article_id, a.story_id;
