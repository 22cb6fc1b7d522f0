-- bench/bench_scaling.py: $n synthetic stored articles, already extracted, each with one
-- claim; one event per two articles, already delivered to the default analyst; 8 sketch
-- hashes per article; URLs seen 100-1000 days ago. Bulk SQL, not the pipeline. The sketches
-- are older than the near-duplicate window (30 days): the first run deletes them, as a real
-- warehouse keeps only the window's (its size follows the arrival rate, not the total).
INSERT INTO articles (article_id, url, canonical_url, source_id, title, published, lang, text,
                      author, publisher, content_hash, first_run, loaded_at, story_id)
SELECT 'syn' || lpad(i::VARCHAR, 13, '0'), 'http://synthetic.test/' || i, 'http://synthetic.test/' || i,
       'synthetic', 'Synthetic report ' || i, DATE '2020-01-01' + (i % 1500)::INTEGER, 'en',
       'Synthetic report ' || i || ': fighters attacked a post near town ' || (i % 997) || '.',
       NULL, 'Synthetic', md5(i::VARCHAR), 'synthetic', now() - INTERVAL 100 DAY - to_days((i % 900)::INTEGER),
       'syn' || lpad(i::VARCHAR, 13, '0')
FROM range($n) AS t(i);
INSERT INTO extractions SELECT article_id, $extractor_version, loaded_at FROM articles WHERE source_id = 'synthetic';
INSERT INTO article_urls SELECT url, article_id, source_id, first_run, loaded_at FROM articles WHERE source_id = 'synthetic';
INSERT INTO article_sketches (article_id, h, story_id, loaded_at)
SELECT 'syn' || lpad(i::VARCHAR, 13, '0'), (hash(i, k) >> 1)::BIGINT, 'syn' || lpad(i::VARCHAR, 13, '0'),
       now() - INTERVAL 100 DAY - to_days((i % 900)::INTEGER)
FROM range($n) AS t(i), range(8) AS s(k);
INSERT INTO events (event_id, type, subject_id, subject_name, date, place, country, killed, status, reason,
                    n_sources, best_claim_id, first_seen_run, last_seen_run, first_seen_at, updated_at, merge_key)
SELECT 'sev' || lpad(i::VARCHAR, 13, '0'), 'attack', 'jnim', 'JNIM', '2020-01-' || lpad((1 + i % 28)::VARCHAR, 2, '0'),
       'Town ' || (i % 997), 'Mali', i % 50, 'new', 'synthetic', 2, 'scl' || lpad((2 * i)::VARCHAR, 13, '0'),
       'synthetic', 'synthetic', now(), now(), '{"synthetic":' || i || '}'
FROM range($n // 2) AS t(i);
INSERT INTO claims (claim_id, article_id, event_id, type, subject_id, subject_name, subject_text, date, place,
                    country, killed, polarity, confidence, sentence, start_offset, end_offset, extractor_version, run_id)
SELECT 'scl' || lpad(i::VARCHAR, 13, '0'), 'syn' || lpad(i::VARCHAR, 13, '0'), 'sev' || lpad((i // 2)::VARCHAR, 13, '0'),
       'attack', 'jnim', 'JNIM', 'JNIM', '2020-01-' || lpad((1 + (i // 2) % 28)::VARCHAR, 2, '0'), 'Town ' || ((i // 2) % 997),
       'Mali', (i // 2) % 50, 'asserted', 0.8, 'Fighters attacked a post.', 0, 25, $extractor_version, 'synthetic'
FROM range($n) AS t(i);
INSERT INTO deliveries
SELECT 'synthetic-digest', 'analyst@localhost', event_id, 'outbox', NULL, 'written', NULL, now()
FROM events WHERE first_seen_run = 'synthetic';
