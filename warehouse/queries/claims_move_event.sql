-- A duplicate verdict: the claims of $event_id move to the event it duplicates ($target).
UPDATE claims SET event_id = $target WHERE event_id = $event_id;
