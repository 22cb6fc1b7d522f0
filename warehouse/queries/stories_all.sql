SELECT story_id, title, n_articles, n_urls, sources, urls FROM v_stories ORDER BY story_id;
