-- Rows per main table (a second identical run must leave these unchanged).
SELECT 'runs' AS table_name, count(*) AS n FROM runs
UNION ALL SELECT 'sources', count(*) FROM sources
UNION ALL SELECT 'source_cursors', count(*) FROM source_cursors
UNION ALL SELECT 'articles', count(*) FROM articles
UNION ALL SELECT 'entities', count(*) FROM entities
UNION ALL SELECT 'entity_aliases', count(*) FROM entity_aliases
UNION ALL SELECT 'relations', count(*) FROM relations
UNION ALL SELECT 'extractions', count(*) FROM extractions
UNION ALL SELECT 'claims', count(*) FROM claims
UNION ALL SELECT 'events', count(*) FROM events
UNION ALL SELECT 'deliveries', count(*) FROM deliveries
UNION ALL SELECT 'errors', count(*) FROM errors;
