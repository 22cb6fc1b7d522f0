-- Surface forms under which the parties of one event were reported (aliases of new entities).
SELECT DISTINCT role, coalesce(id, '') AS id, name, text FROM (
    SELECT 'subject' AS role, subject_id AS id, subject_name AS name, subject_text AS text FROM claims WHERE event_id = $event_id
    UNION ALL
    SELECT 'object', object_id, object_name, object_text FROM claims WHERE event_id = $event_id
    UNION ALL
    SELECT 'member', m.id, m.name, m.text FROM claims AS c, unnest(c.members) AS u(m) WHERE c.event_id = $event_id
) WHERE name IS NOT NULL
ORDER BY role, name, text;
