-- The knowledge-base tables are replaced wholesale from the KB file.
DELETE FROM entity_aliases;
DELETE FROM relations;
DELETE FROM entities;
