-- 0001: monitoring runs, the sources watched, their HTTP cursors, the articles fetched,
-- and the per-item errors of each run.

CREATE TABLE runs (
    run_id        VARCHAR PRIMARY KEY,
    started_at    TIMESTAMPTZ NOT NULL,
    finished_at   TIMESTAMPTZ,
    status        VARCHAR NOT NULL DEFAULT 'running',   -- 'running' until finish_run
    articles_seen INTEGER,
    articles_new  INTEGER,
    claims_new    INTEGER,
    events_new    INTEGER,
    errors        INTEGER,
    digest_path   VARCHAR,
    summary       JSON                                  -- the whole summary dict
);

CREATE TABLE sources (
    source_id    VARCHAR PRIMARY KEY,
    kind         VARCHAR NOT NULL,                      -- feed, page, search, seed, ...
    url          VARCHAR,
    lang         VARCHAR,
    enabled      BOOLEAN NOT NULL DEFAULT TRUE,
    reliability  VARCHAR CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    poll_minutes INTEGER CHECK (poll_minutes > 0),
    config       JSON,
    updated_at   TIMESTAMPTZ NOT NULL
);

-- Conditional-GET validators per fetched URL; written in the same transaction as the
-- articles they describe, so a crash never skips items.
CREATE TABLE source_cursors (
    source_id     VARCHAR NOT NULL,
    url           VARCHAR NOT NULL,
    etag          VARCHAR,
    last_modified VARCHAR,
    checked_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (source_id, url)
);

CREATE TABLE articles (
    article_id    VARCHAR PRIMARY KEY,                  -- sha256(canonical_url)[:16]
    url           VARCHAR NOT NULL,
    canonical_url VARCHAR NOT NULL,
    source_id     VARCHAR NOT NULL,
    title         VARCHAR,
    published     DATE,
    lang          VARCHAR,
    text          VARCHAR NOT NULL,
    author        VARCHAR,
    publisher     VARCHAR,
    content_hash  VARCHAR NOT NULL,                     -- sha256 of white-space-folded text
    first_run     VARCHAR,                              -- run that first stored it
    loaded_at     TIMESTAMPTZ NOT NULL
);

CREATE TABLE errors (
    error_id  VARCHAR PRIMARY KEY,                      -- hash of (run, source, item, reason)
    run_id    VARCHAR NOT NULL,
    source_id VARCHAR,
    item      VARCHAR,                                  -- file or URL
    reason    VARCHAR NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);
