-- Insert staged_articles whose id is not stored yet; returns the ids inserted.
INSERT INTO articles (article_id, url, canonical_url, source_id, title, published, lang, text,
                      author, publisher, content_hash, first_run, loaded_at)
SELECT article_id, url, canonical_url, source_id, title, published, lang, text,
       author, publisher, content_hash, $run_id, now()
FROM staged_articles
ON CONFLICT (article_id) DO NOTHING
RETURNING article_id;
