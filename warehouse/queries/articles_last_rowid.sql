-- The row id of the last stored article (-1 when there is none).
SELECT coalesce(max(rowid), -1) FROM articles;
