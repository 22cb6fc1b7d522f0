-- affiliations: allegiances as of a date, a DuckDB table macro: affiliations(as_of).
--
-- One row per knowledge-base relation of allegiance or lineage (pledged_to, merged_into,
-- renamed_to, split_from, leads, allied_with) that held on `as_of`: begun on or before it
-- (a relation dated "2013" holds from 2013) and not ended before it (`until` inclusive).
-- `as_of` is a date or a 'YYYY-MM-DD' string. Columns: subject_id, subject, relation,
-- object_id, object, since, until, note. Relations without a start date are included.
--
-- Example: who was pledged to whom on 1 January 2016
--   SELECT subject, object, since FROM affiliations('2016-01-01')
--   WHERE relation = 'pledged_to' ORDER BY object, subject;
CREATE OR REPLACE MACRO affiliations(as_of) AS TABLE
SELECT r.subject AS subject_id, s.name AS subject, r.relation, r.object AS object_id, o.name AS object,
       r.date AS since, r.until, r.note
FROM relations AS r
JOIN entities AS s ON s.entity_id = r.subject
JOIN entities AS o ON o.entity_id = r.object
WHERE (r.date IS NULL OR left(CAST(as_of AS VARCHAR), length(r.date)) >= r.date)
  AND (r.until IS NULL OR left(CAST(as_of AS VARCHAR), length(r.until)) <= r.until)
ORDER BY r.relation, s.name, o.name;
