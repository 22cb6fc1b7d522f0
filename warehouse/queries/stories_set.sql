-- Set the story of the staged_stories articles (article_id, story_id) that have none yet.
UPDATE articles SET story_id = s.story_id
FROM staged_stories AS s
WHERE articles.article_id = s.article_id AND articles.story_id IS NULL;
