INSERT INTO kb_added_relations (event_id, subject, relation, object, date, until, note, added_at)
SELECT event_id, subject, relation, object, date, until, note, now() FROM staged_added_relations
ON CONFLICT DO NOTHING;
