-- Insert staged_claims whose id is not stored yet; returns the ids inserted.
INSERT INTO claims (claim_id, article_id, event_id, type, subject_id, subject_name, subject_text,
                    object_id, object_name, object_text, members, date, place, country,
                    killed, wounded, kidnapped, polarity, confidence, sentence,
                    start_offset, end_offset, extractor_version, run_id)
SELECT claim_id, article_id, event_id, type, subject_id, subject_name, subject_text,
       object_id, object_name, object_text, members, date, place, country,
       killed, wounded, kidnapped, polarity, confidence, sentence,
       start_offset, end_offset, $extractor_version, $run_id
FROM staged_claims
ON CONFLICT (claim_id) DO NOTHING
RETURNING claim_id;
