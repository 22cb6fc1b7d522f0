-- Every claim merged into any event, with its article's date and source: what status
-- assessment reads (ledger_reports_for: those of given events).
SELECT c.event_id, e.type, c.subject_id, c.subject_name, c.object_id, c.object_name,
       c.members, c.date, c.polarity, a.published,
       coalesce(a.publisher, a.source_id) AS source,
       c.killed, c.wounded, c.kidnapped
FROM claims AS c
JOIN events AS e USING (event_id)
LEFT JOIN articles AS a USING (article_id)
ORDER BY c.event_id, a.published NULLS LAST, c.claim_id;
