INSERT INTO kb_added_entities (entity_id, name, kind, aliases, country, event_id, note, added_at)
SELECT entity_id, name, kind, aliases, country, event_id, note, now() FROM staged_added_entities
ON CONFLICT (entity_id) DO NOTHING;
