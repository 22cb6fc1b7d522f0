-- 0002: the knowledge base (entities, their aliases, dated relations), replaced wholesale
-- from seeds/entities.yaml by load_kb: the KB file is the source of truth for now.

CREATE TABLE entities (
    entity_id VARCHAR PRIMARY KEY,
    name      VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,                         -- group, person, state, force, organisation
    country   VARCHAR,
    note      VARCHAR
);

CREATE TABLE entity_aliases (
    entity_id VARCHAR NOT NULL,
    alias     VARCHAR NOT NULL,
    PRIMARY KEY (entity_id, alias)
);

CREATE TABLE relations (
    relation_no INTEGER PRIMARY KEY,                    -- position in the KB file
    subject     VARCHAR NOT NULL,                       -- entity_id
    relation    VARCHAR NOT NULL,                       -- pledged_to, split_from, merged_into, ...
    object      VARCHAR NOT NULL,                       -- entity_id
    date        VARCHAR,                                -- began: YYYY, YYYY-MM or YYYY-MM-DD
    until       VARCHAR,                                -- ended, if it did
    note        VARCHAR
);
