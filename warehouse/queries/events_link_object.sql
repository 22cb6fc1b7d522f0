UPDATE claims SET object_id = $entity_id WHERE event_id = $event_id AND object_id IS NULL AND object_name = $name;
