-- Stored articles after the row $after_rowid (every earlier article was read by the
-- extractor version: the watermark, see warehouse/incremental.py), oldest loads first.
-- Articles are only ever appended, so row ids grow with loading; the filter skips the
-- stored row groups without reading them. warehouse/incremental.py then drops those the
-- version has read (extractions_among), by key, so neither table is scanned whole.
SELECT a.article_id
FROM articles AS a
WHERE a.rowid > $after_rowid
ORDER BY a.loaded_at, a.article_id;
