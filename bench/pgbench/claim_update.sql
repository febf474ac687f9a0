-- The server's claim statement (ShareLinkRepository.claimReturning, PostgreSQL form), on a random link of the benchmark's links.
-- pgbench has no string variables from lists, so the token is looked up first by its number (a primary-key
-- read on bench_tokens, a table bench.py fills); the UPDATE is the server's, word for word.
\set n random(1, :links)
SELECT token AS tok FROM bench_tokens WHERE n = :n \gset
UPDATE share_links SET usage_count = usage_count + 1, last_used_at = now()
 WHERE token = :tok AND enabled = true AND (expires_at IS NULL OR expires_at > now())
   AND (usage_limit IS NULL OR usage_count < usage_limit)
 RETURNING *;
