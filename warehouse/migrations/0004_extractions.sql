-- 0004: which extractor version has read which article, so that articles stored while
-- extraction could not run (a broken knowledge base) or read by an older extractor are
-- picked up by the next run.

CREATE TABLE extractions (
    article_id        VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    extracted_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, extractor_version)
);
