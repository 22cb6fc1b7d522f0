-- The KB ids (or names, for unknown actors) of the merging groups of one event, from its claims.
SELECT DISTINCT m.id, m.name, m.text
FROM claims AS c, unnest(c.members) AS u(m)
WHERE c.event_id = $event_id
ORDER BY m.name;
