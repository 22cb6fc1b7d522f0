-- story_id of the given articles.
SELECT article_id, coalesce(story_id, article_id) FROM articles
WHERE article_id IN (SELECT unnest($article_ids::VARCHAR[]));
