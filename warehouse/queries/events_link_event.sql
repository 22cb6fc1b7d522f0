-- The event row of a confirmed unknown actor gets its new entity id.
UPDATE events SET subject_id = CASE WHEN subject_id IS NULL AND subject_name = $name THEN $entity_id ELSE subject_id END,
                  object_id = CASE WHEN object_id IS NULL AND object_name = $name THEN $entity_id ELSE object_id END
WHERE event_id = $event_id;
