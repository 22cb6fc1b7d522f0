-- Record the URLs of staged_urls (url, article_id, source_id); a URL already known keeps its article.
INSERT INTO article_urls (url, article_id, source_id, first_run, seen_at)
SELECT url, article_id, source_id, $run_id, now() FROM staged_urls
ON CONFLICT (url) DO NOTHING;
