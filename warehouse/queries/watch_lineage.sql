-- The lineage of the entities $entity_ids: themselves and, recursively, every entity that is
-- the subject of one of $relations (merged_into, pledged_to, ...) whose object is already in
-- the lineage. Following JNIM thus follows Ansar Dine, Katiba Macina, al-Mourabitoun and,
-- through al-Mourabitoun, MUJAO and al-Mulathamun. UNION stops at cycles.
WITH RECURSIVE lineage(entity_id) AS (
    SELECT DISTINCT unnest($entity_ids::VARCHAR[])
    UNION
    SELECT r.subject
    FROM relations AS r JOIN lineage AS l ON r.object = l.entity_id
    WHERE list_contains($relations::VARCHAR[], r.relation)
)
SELECT entity_id FROM lineage ORDER BY entity_id;
