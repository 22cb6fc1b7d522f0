-- 0003: claims extracted from articles, the ledger of events they are merged into, and
-- what was delivered to whom.

CREATE TABLE claims (
    claim_id          VARCHAR PRIMARY KEY,              -- claims.model.claim_id_for
    article_id        VARCHAR NOT NULL,
    event_id          VARCHAR,
    type              VARCHAR NOT NULL CHECK (type IN ('pledge', 'split', 'merger', 'attack')),
    subject_id        VARCHAR,
    subject_name      VARCHAR,
    subject_text      VARCHAR,
    object_id         VARCHAR,
    object_name       VARCHAR,
    object_text       VARCHAR,
    members           STRUCT(id VARCHAR, name VARCHAR, text VARCHAR)[],
    date              VARCHAR,                          -- YYYY, YYYY-MM or YYYY-MM-DD
    place             VARCHAR,
    country           VARCHAR,
    killed            INTEGER,
    wounded           INTEGER,
    kidnapped         INTEGER,
    polarity          VARCHAR NOT NULL CHECK (polarity IN ('asserted', 'hedged', 'denied')),
    confidence        DOUBLE NOT NULL,
    sentence          VARCHAR NOT NULL,
    start_offset      INTEGER NOT NULL,
    end_offset        INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    run_id            VARCHAR
);

CREATE TABLE events (
    event_id       VARCHAR PRIMARY KEY,
    type           VARCHAR NOT NULL CHECK (type IN ('pledge', 'split', 'merger', 'attack')),
    subject_id     VARCHAR,
    subject_name   VARCHAR,
    object_id      VARCHAR,
    object_name    VARCHAR,
    members        VARCHAR[],                           -- names of the merging groups
    date           VARCHAR,
    place          VARCHAR,
    country        VARCHAR,
    killed         INTEGER,
    wounded        INTEGER,
    kidnapped      INTEGER,
    status         VARCHAR NOT NULL
                   CHECK (status IN ('new', 'known', 'historical', 'contradicts', 'unknown_actor')),
    reason         VARCHAR,
    n_sources      INTEGER NOT NULL DEFAULT 0,          -- distinct content_hash of reporting articles
    best_claim_id  VARCHAR,                             -- highest-confidence claim: the evidence
    first_seen_run VARCHAR NOT NULL,
    last_seen_run  VARCHAR NOT NULL,
    first_seen_at  TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE deliveries (
    digest_id VARCHAR NOT NULL,
    recipient VARCHAR NOT NULL,
    event_id  VARCHAR NOT NULL,
    channel   VARCHAR NOT NULL CHECK (channel IN ('outbox', 'smtp')),
    location  VARCHAR,                                  -- outbox file path or SMTP server
    status    VARCHAR NOT NULL CHECK (status IN ('sent', 'written', 'failed')),
    detail    VARCHAR,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (digest_id, recipient, event_id)
);
