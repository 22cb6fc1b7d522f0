SELECT url, etag, last_modified, checked_at FROM source_cursors WHERE source_id = $source_id;
