-- v_entity_aliases: every name under which a knowledge-base entity may appear.
--
-- One row per (entity, alias), the entity's canonical name included (is_canonical = true),
-- with the entity's kind and country. `alias_key` is the alias lower-cased with accents
-- stripped, for forgiving searches across transliterations (Droukdel / Droukdal /
-- Drukdal, al-Mourabitoun / al-Murabitun). A name several entities share ("Ansar al-Sharia":
-- the groups of Libya, Tunisia and Mali) has a row for each; the extractor picks one by the
-- country the article ties it to.
--
-- Example: which entity answers to something like "mourabit"?
--   SELECT entity_id, name, kind, alias
--   FROM v_entity_aliases
--   WHERE alias_key LIKE '%mourabit%' OR alias_key LIKE '%murabit%';
CREATE OR REPLACE VIEW v_entity_aliases AS
WITH names AS (
    SELECT entity_id, name AS alias, TRUE AS is_canonical FROM entities
    UNION
    SELECT a.entity_id, a.alias, FALSE AS is_canonical
    FROM entity_aliases AS a JOIN entities AS e USING (entity_id)
    WHERE a.alias <> e.name
)
SELECT
    n.entity_id, e.name, e.kind, e.country, n.alias, n.is_canonical,
    lower(strip_accents(n.alias)) AS alias_key
FROM names AS n
JOIN entities AS e USING (entity_id);
