-- 0020: near-duplicate search over a window (issue 7). article_sketches keeps the sketches
-- of the articles loaded in the last few days only (sources_state.STORY_WINDOW_DAYS; each
-- load deletes older rows), with each article's story and load time, and no index: an ART
-- index over every article's 64 random hashes made each load's commit and checkpoint
-- rewrite most of the index (0.25 s at 1M stored articles) and the candidate join scanned
-- every hash. Copies of one wire story appear within days, so a run now compares new
-- articles with the window's, whatever the warehouse's size.
CREATE TABLE article_sketches_0020 (
    article_id VARCHAR NOT NULL,
    h          BIGINT NOT NULL,
    story_id   VARCHAR NOT NULL,
    loaded_at  TIMESTAMPTZ NOT NULL
);
INSERT INTO article_sketches_0020 (article_id, h, story_id, loaded_at)
SELECT k.article_id, k.h, coalesce(a.story_id, a.article_id), a.loaded_at
FROM article_sketches AS k JOIN articles AS a USING (article_id);
DROP TABLE article_sketches;
ALTER TABLE article_sketches_0020 RENAME TO article_sketches;
