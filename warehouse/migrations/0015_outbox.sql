-- 0015: the outbox. Every digest is recorded here BEFORE it is sent (status 'queued'),
-- with the message exactly as built, and marked once the mail server accepts it ('sent'),
-- once it is written to the outbox folder ('written'), or once the server refuses it for
-- good ('failed', a 5xx). A digest still 'queued' after a temporary failure (4xx, refused
-- connection, timeout) is sent again on the next run, byte for byte: same Message-ID.
CREATE TABLE outbox (
    digest_id       VARCHAR PRIMARY KEY,                  -- alerts.deliver.digest_id_for
    recipient       VARCHAR NOT NULL,                     -- the address as configured
    run_id          VARCHAR,                              -- the run that built the digest
    message_id      VARCHAR NOT NULL,
    subject         VARCHAR NOT NULL,
    event_ids       VARCHAR[] NOT NULL,
    message         BLOB NOT NULL,                        -- RFC 5322 bytes, as sent
    html            VARCHAR NOT NULL,                     -- the HTML part (outbox folder copy)
    status          VARCHAR NOT NULL CHECK (status IN ('queued', 'sent', 'written', 'failed')),
    channel         VARCHAR CHECK (channel IN ('smtp', 'outbox')),
    location        VARCHAR,                              -- SMTP server or .eml path
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_code       INTEGER,                              -- last SMTP reply code, if any
    last_error      VARCHAR,
    created_at      TIMESTAMPTZ NOT NULL,
    last_attempt_at TIMESTAMPTZ,
    done_at         TIMESTAMPTZ                           -- sent, written or failed
);
