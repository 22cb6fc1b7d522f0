-- Entities added to the knowledge base by confirmed events.
SELECT entity_id, name, kind, aliases, country, note, event_id FROM kb_added_entities ORDER BY added_at, entity_id;
