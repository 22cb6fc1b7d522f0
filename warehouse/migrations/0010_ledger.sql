-- 0010: the event ledger compares claims with what is known (issue 5).
-- events gain the key that finds the events a claim may join (merge_key: the event key
-- without its dates) and the date of their first report; verdicts holds the analysts'
-- decisions, keyed by event_id (derived from the event key, so a full re-read of every
-- article keeps them); kb_added_* hold what confirmed events added to the knowledge base
-- (they survive reloading seeds/entities.yaml); ledger_state remembers the fingerprint of
-- the knowledge base the statuses were computed with.

ALTER TABLE events ADD COLUMN merge_key VARCHAR;
ALTER TABLE events ADD COLUMN first_reported DATE;

CREATE TABLE verdicts (
    event_id     VARCHAR PRIMARY KEY,
    verdict      VARCHAR NOT NULL CHECK (verdict IN ('confirm', 'reject', 'duplicate')),
    duplicate_of VARCHAR,                               -- the event this one duplicates
    note         VARCHAR,
    event        JSON NOT NULL,                         -- the event as the analyst saw it
    decided_at   TIMESTAMPTZ NOT NULL,
    CHECK ((verdict = 'duplicate') = (duplicate_of IS NOT NULL))
);

CREATE TABLE kb_added_entities (
    entity_id VARCHAR PRIMARY KEY,
    name      VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,
    aliases   VARCHAR[] NOT NULL,
    country   VARCHAR,
    event_id  VARCHAR NOT NULL,                         -- the confirmed event that added it
    note      VARCHAR,
    added_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE kb_added_relations (
    event_id  VARCHAR NOT NULL,
    subject   VARCHAR NOT NULL,
    relation  VARCHAR NOT NULL,
    object    VARCHAR NOT NULL,
    date      VARCHAR,
    until     VARCHAR,
    note      VARCHAR,
    added_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (event_id, subject, relation, object)
);

CREATE TABLE ledger_state (
    name  VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- Event ids that lead to another event: a duplicate verdict (the duplicate -> the event it
-- duplicates), or a confirmed event whose unknown actors became entities (the id its claims
-- will get when re-read -> the confirmed event). Extraction follows them.
CREATE TABLE event_redirects (
    from_event_id VARCHAR PRIMARY KEY,
    to_event_id   VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL CHECK (reason IN ('duplicate', 'confirmed')),
    created_at    TIMESTAMPTZ NOT NULL
);
