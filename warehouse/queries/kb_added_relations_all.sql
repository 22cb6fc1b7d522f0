-- Relations added to the knowledge base by confirmed events.
SELECT subject, relation, object, date, until, note, event_id FROM kb_added_relations ORDER BY added_at, event_id, subject;
