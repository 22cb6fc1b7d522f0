-- Record that $recipient's pending events were evaluated through change $through under $criteria.
INSERT INTO delivery_marks (recipient, criteria, through, marked_at)
VALUES ($recipient, $criteria, $through, now())
ON CONFLICT (recipient) DO UPDATE SET criteria = excluded.criteria, through = excluded.through,
    marked_at = excluded.marked_at;
