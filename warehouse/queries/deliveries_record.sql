-- Record one digest's delivery of events to a recipient; recording it again updates the
-- outcome (a failed delivery retried under the same digest id).
INSERT INTO deliveries (digest_id, recipient, event_id, channel, location, status, detail, recorded_at)
SELECT $digest_id, $recipient, event_id, $channel, $location, $status, $detail, now()
FROM (SELECT unnest($event_ids::VARCHAR[]) AS event_id)
ON CONFLICT (digest_id, recipient, event_id) DO UPDATE SET
    channel = excluded.channel, location = excluded.location, status = excluded.status,
    detail = excluded.detail, recorded_at = excluded.recorded_at;
