-- The claims of one event, as the fields that define an event key.
SELECT type, subject_id, subject_name, subject_text, object_id, object_name, object_text,
       members, date, place, country, killed, wounded, kidnapped, polarity, confidence,
       sentence, start_offset, end_offset
FROM claims WHERE event_id = $event_id ORDER BY claim_id;
