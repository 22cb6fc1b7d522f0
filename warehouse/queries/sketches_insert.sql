-- Store the sketches of staged_sketches (article_id, h).
INSERT INTO article_sketches (article_id, h) SELECT article_id, h FROM staged_sketches
ON CONFLICT DO NOTHING;
