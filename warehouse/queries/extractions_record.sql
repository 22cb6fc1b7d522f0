-- Mark articles as read by an extractor version (marking twice changes nothing).
INSERT INTO extractions (article_id, extractor_version, extracted_at)
SELECT unnest($article_ids::VARCHAR[]), $extractor_version, now()
ON CONFLICT (article_id, extractor_version) DO NOTHING;
