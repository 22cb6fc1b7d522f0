-- v_timeline: a group's (or a person's) timeline: what the knowledge base states about it
-- and every ledger event it is a party to, in date order.
--
-- One row per (entity, fact): `entity_id`, `date` (YYYY, YYYY-MM or YYYY-MM-DD as known),
-- `what` ('kb' for a knowledge-base relation, else the event status), `kind` (the relation
-- or the event type), `role` (subject, object or member), `other` (the other party),
-- `until` (KB relations that ended), `detail` (the relation's source note, or the event's
-- reason) and `event_id` (events only).
--
-- Example: AQIM's timeline
--   SELECT date, what, kind, role, other, until, detail FROM v_timeline
--   WHERE entity_id = 'aqim' ORDER BY date NULLS LAST;
CREATE OR REPLACE VIEW v_timeline AS
WITH facts AS (
    SELECT r.subject AS entity_id, r.date, 'kb' AS what, r.relation AS kind, 'subject' AS role,
           o.name AS other, r.until, r.note AS detail, NULL AS event_id
    FROM relations AS r LEFT JOIN entities AS o ON o.entity_id = r.object
    UNION ALL
    SELECT r.object, r.date, 'kb', r.relation, 'object', s.name, r.until, r.note, NULL
    FROM relations AS r LEFT JOIN entities AS s ON s.entity_id = r.subject
    UNION ALL
    SELECT e.subject_id, e.date, e.status, e.type, 'subject', coalesce(e.object_name, e.place),
           NULL, e.reason, e.event_id
    FROM events AS e WHERE e.subject_id IS NOT NULL
    UNION ALL
    SELECT e.object_id, e.date, e.status, e.type, 'object', e.subject_name, NULL, e.reason, e.event_id
    FROM events AS e WHERE e.object_id IS NOT NULL
    UNION ALL
    SELECT DISTINCT m.id, e.date, e.status, e.type, 'member', e.object_name, NULL, e.reason, e.event_id
    FROM events AS e JOIN claims AS c USING (event_id), unnest(c.members) AS u(m)
    WHERE m.id IS NOT NULL
)
SELECT f.entity_id, n.name AS entity_name, f.date, f.what, f.kind, f.role, f.other, f.until,
       f.detail, f.event_id
FROM facts AS f LEFT JOIN entities AS n USING (entity_id);
