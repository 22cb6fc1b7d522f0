-- Stored articles the given extractor version has not read yet, oldest loads first.
SELECT a.article_id
FROM articles AS a
WHERE NOT EXISTS (
    SELECT 1 FROM extractions AS x
    WHERE x.article_id = a.article_id AND x.extractor_version = $extractor_version)
ORDER BY a.loaded_at, a.article_id;
