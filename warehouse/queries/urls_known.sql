-- URLs seen since $since (article_urls): the fetch skips their pages.
SELECT url FROM article_urls WHERE seen_at >= $since;
