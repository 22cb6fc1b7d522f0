-- v_event_sources: events with their evidence and their sources.
--
-- One row per event: its status and reason, the range of reported dates and figures
-- (`dates`: every distinct date reported; killed_min .. killed_max and so on, so that
-- disagreeing sources show), `n_sources` (independent stories) and `n_reports` (claims),
-- how many reports deny it, when it was first reported, the analyst's verdict if any, and
-- `reports`: a list of {publisher, url, published, polarity, date, killed, sentence},
-- oldest first.
--
-- Example: contradicted events and who said what
--   SELECT event_id, reason, n_sources, reports FROM v_event_sources
--   WHERE status = 'contradicts' ORDER BY first_reported DESC;
CREATE OR REPLACE VIEW v_event_sources AS
SELECT
    e.event_id, e.type, e.status, e.reason, e.date, e.subject_name, e.object_name, e.members,
    e.place, e.country, e.n_sources,
    count(r.claim_id) AS n_reports,
    count(r.claim_id) FILTER (WHERE r.polarity = 'denied') AS n_denials,
    list_sort(list(DISTINCT r.date) FILTER (WHERE r.date IS NOT NULL)) AS dates,
    min(r.killed) AS killed_min, max(r.killed) AS killed_max,
    min(r.wounded) AS wounded_min, max(r.wounded) AS wounded_max,
    min(r.kidnapped) AS kidnapped_min, max(r.kidnapped) AS kidnapped_max,
    min(r.published) AS first_reported,
    v.verdict, v.note AS verdict_note,
    list({'publisher': r.publisher, 'url': r.url, 'published': r.published, 'polarity': r.polarity,
          'date': r.date, 'killed': r.killed, 'sentence': r.sentence}
         ORDER BY r.published NULLS LAST, r.url) AS reports
FROM events AS e
LEFT JOIN v_event_reports AS r USING (event_id)
LEFT JOIN verdicts AS v USING (event_id)
GROUP BY ALL;
