-- Articles of the window (article_sketches) sharing at least $min_shared sketch hashes with
-- staged_sketches (article_id, h), with their story and whole sketch: the near-duplicate
-- candidates.
WITH hits AS (
    SELECT k.article_id
    FROM staged_sketches AS s JOIN article_sketches AS k ON k.h = s.h
    WHERE k.article_id <> s.article_id
    GROUP BY k.article_id, s.article_id HAVING count(*) >= $min_shared
)
SELECT k.article_id, any_value(k.story_id) AS story_id, list(k.h ORDER BY k.h) AS sketch
FROM article_sketches AS k
WHERE k.article_id IN (SELECT article_id FROM hits)
GROUP BY k.article_id;
