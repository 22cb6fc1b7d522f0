-- Which of the given articles this extractor version has read (looked up by key).
SELECT article_id FROM extractions
WHERE extractor_version = $extractor_version AND article_id = ANY($article_ids::VARCHAR[]);
