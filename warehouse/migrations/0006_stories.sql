-- 0006: stories. Syndicated copies of one wire story (near-duplicate text, sources.dedupe)
-- share a story_id: the article_id of the first copy stored. Count independent sources
-- as distinct story_id. Every URL an article was seen at goes to article_urls, and each
-- article's bottom-k text sketch to article_sketches (one row per hash, for the join that
-- finds near-duplicates).

ALTER TABLE articles ADD COLUMN story_id VARCHAR;
UPDATE articles SET story_id = article_id WHERE story_id IS NULL;

CREATE TABLE article_urls (
    url        VARCHAR PRIMARY KEY,                     -- as fetched (tracking parameters stripped)
    article_id VARCHAR NOT NULL,
    source_id  VARCHAR,
    first_run  VARCHAR,
    seen_at    TIMESTAMPTZ NOT NULL
);
INSERT INTO article_urls (url, article_id, source_id, first_run, seen_at)
SELECT url, min(article_id), min(source_id), min(first_run), min(loaded_at) FROM (
    SELECT url, article_id, source_id, first_run, loaded_at FROM articles
    UNION ALL
    SELECT canonical_url, article_id, source_id, first_run, loaded_at FROM articles
) GROUP BY url;

CREATE TABLE article_sketches (
    article_id VARCHAR NOT NULL,
    h          BIGINT NOT NULL,
    PRIMARY KEY (article_id, h)
);
CREATE INDEX article_sketches_h ON article_sketches (h);
