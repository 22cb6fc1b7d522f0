-- Entities named by a watchlist: each of $names matched, in any case, against entity ids,
-- canonical names and aliases. One row per (name, entity_id) match.
WITH names AS (SELECT DISTINCT unnest($names::VARCHAR[]) AS name)
SELECT n.name, e.entity_id
FROM names AS n JOIN entities AS e
  ON lower(e.entity_id) = lower(n.name) OR lower(e.name) = lower(n.name)
UNION
SELECT n.name, a.entity_id
FROM names AS n JOIN entity_aliases AS a ON lower(a.alias) = lower(n.name)
ORDER BY 1, 2;
