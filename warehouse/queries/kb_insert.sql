INSERT INTO entities (entity_id, name, kind, country, note)
SELECT entity_id, name, kind, country, note FROM staged_entities;
INSERT INTO entity_aliases (entity_id, alias)
SELECT entity_id, alias FROM staged_aliases;
INSERT INTO relations (relation_no, subject, relation, object, date, until, note)
SELECT relation_no, subject, relation, object, date, until, note FROM staged_relations;
