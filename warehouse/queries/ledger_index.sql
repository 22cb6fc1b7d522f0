-- Every ledger event by merge key, with its date: the events a new claim may join.
SELECT merge_key, event_id, date FROM events WHERE merge_key IS NOT NULL ORDER BY merge_key, event_id;
