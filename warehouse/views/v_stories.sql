-- v_stories: one row per story: the articles that carry the same text (syndicated copies
-- of one wire story are one story, with several URLs and sources).
--
-- story_id (the first copy's article_id), the first title, how many articles and
-- distinct URLs carry it, the sources, the URLs, the first publication date.
--
-- Example: stories picked up by more than one outlet
--   SELECT title, n_articles, sources, urls FROM v_stories WHERE n_articles > 1;
CREATE OR REPLACE VIEW v_stories AS
SELECT
    coalesce(a.story_id, a.article_id) AS story_id,
    arg_min(a.title, a.loaded_at) AS title,
    count(DISTINCT a.article_id) AS n_articles,
    count(DISTINCT u.url) AS n_urls,
    list(DISTINCT a.source_id ORDER BY a.source_id) AS sources,
    list(DISTINCT u.url ORDER BY u.url) FILTER (WHERE u.url IS NOT NULL) AS urls,
    min(a.published) AS published
FROM articles AS a LEFT JOIN article_urls AS u USING (article_id)
GROUP BY ALL;
