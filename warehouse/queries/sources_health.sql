SELECT * FROM v_sources ORDER BY source_id;
