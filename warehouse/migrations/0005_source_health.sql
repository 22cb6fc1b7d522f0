-- 0005: source health. One row per source with its latest state (sources.health), and one
-- row per source and run with what that run got from it (items per run, requests, errors).

CREATE TABLE source_health (
    source_id            VARCHAR PRIMARY KEY,
    last_status          VARCHAR CHECK (last_status IN ('ok', 'not_modified', 'partial', 'error', 'skipped')),
    last_checked_at      TIMESTAMPTZ,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    last_error           VARCHAR,                       -- reason of the last error
    last_items           INTEGER NOT NULL DEFAULT 0,    -- new items in the last run
    items_total          BIGINT NOT NULL DEFAULT 0,
    item_runs            INTEGER NOT NULL DEFAULT 0,    -- runs that brought at least one item
    first_checked_at     TIMESTAMPTZ,
    first_item_at        TIMESTAMPTZ,
    last_item_at         TIMESTAMPTZ,                   -- last run that brought a new item
    last_success_at      TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ NOT NULL
);

CREATE TABLE source_runs (
    run_id       VARCHAR NOT NULL,
    source_id    VARCHAR NOT NULL,
    status       VARCHAR NOT NULL CHECK (status IN ('ok', 'not_modified', 'partial', 'error', 'skipped')),
    items        INTEGER NOT NULL,                      -- new items fetched
    requests     INTEGER NOT NULL,
    not_modified INTEGER NOT NULL,                      -- 304 answers
    error        VARCHAR,                               -- last error reason of this run
    seconds      DOUBLE,
    PRIMARY KEY (run_id, source_id)
);
