-- v_claims: every extracted claim with the article that states it.
--
-- One row per claim: what was claimed (type, subject, object, members, date, place,
-- figures), how (polarity, confidence), the evidence sentence with its character offsets,
-- the event it was merged into, and the article's title, URL, source and publication date.
-- `members` is a list of {id, name, text}; `id` columns are knowledge-base ids (NULL for an
-- actor the knowledge base does not know).
--
-- Example: pledges to JNIM reported since 2024, newest first
--   SELECT published, subject_name, polarity, sentence, url
--   FROM v_claims
--   WHERE type = 'pledge' AND object_id = 'jnim' AND published >= DATE '2024-01-01'
--   ORDER BY published DESC;
CREATE OR REPLACE VIEW v_claims AS
SELECT
    c.claim_id, c.event_id, c.type,
    c.subject_id, c.subject_name, c.subject_text,
    c.object_id, c.object_name, c.object_text,
    c.members, c.date, c.place, c.country, c.killed, c.wounded, c.kidnapped,
    c.polarity, c.confidence, c.sentence, c.start_offset, c.end_offset,
    c.article_id, a.title, a.url, a.source_id, a.publisher, a.published, a.lang,
    c.extractor_version, c.run_id
FROM claims AS c
LEFT JOIN articles AS a USING (article_id);
