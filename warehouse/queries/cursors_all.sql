-- Every conditional-GET validator: (source_id, url, etag, last_modified).
SELECT source_id, url, etag, last_modified FROM source_cursors;
