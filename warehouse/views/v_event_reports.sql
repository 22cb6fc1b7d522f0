-- v_event_reports: every report of every event: who reported what, and when.
--
-- One row per claim merged into an event: the event, the article (publisher or source,
-- title, URL, publication date), its story (copies of one wire story share a story_id and
-- count once in n_sources), and what this report says: the date, the place, the figures
-- (killed, wounded, kidnapped), the polarity (asserted, hedged, denied), the sentence.
-- Figures and dates are never overwritten: each report keeps its own.
--
-- Example: every report of the events al-Mourabitoun is a party to, oldest first
--   SELECT published, publisher, polarity, date, sentence FROM v_event_reports
--   WHERE subject_id = 'al_mourabitoun' OR object_id = 'al_mourabitoun' ORDER BY published;
CREATE OR REPLACE VIEW v_event_reports AS
SELECT
    c.event_id, e.type, e.status, e.subject_id, e.subject_name, e.object_id, e.object_name,
    coalesce(a.publisher, a.source_id) AS publisher, a.source_id, a.title, a.url, a.published,
    coalesce(a.story_id, a.content_hash, a.article_id) AS story,
    c.date, c.place, c.country, c.killed, c.wounded, c.kidnapped,
    c.polarity, c.confidence, c.sentence, c.claim_id, c.article_id
FROM claims AS c
JOIN events AS e USING (event_id)
LEFT JOIN articles AS a USING (article_id);
