-- A confirmed unknown actor became entity $entity_id: its claims and event carry the id.
UPDATE claims SET subject_id = $entity_id WHERE event_id = $event_id AND subject_id IS NULL AND subject_name = $name;
