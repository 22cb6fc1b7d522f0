-- Store the sketches of staged_sketch_rows (article_id, h, story_id), loaded at $loaded_at.
INSERT INTO article_sketches (article_id, h, story_id, loaded_at)
SELECT article_id, h, story_id, $loaded_at FROM staged_sketch_rows;
