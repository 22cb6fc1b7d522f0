SELECT article_id, text, published
FROM articles
WHERE article_id IN (SELECT unnest($article_ids::VARCHAR[]));
