-- The number of the last change to any event (0 when none: migration 0021).
SELECT coalesce(max(changed), 0) FROM events;
