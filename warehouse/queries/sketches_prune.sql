-- Forget the sketches of articles loaded before $since (outside the near-duplicate window).
DELETE FROM article_sketches WHERE loaded_at < $since;
