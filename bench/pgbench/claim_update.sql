-- The server's claim statement (ShareLinkRepository.claimReturning, PostgreSQL form) on a random link of the
-- benchmark's links. pgbench cannot pick a random string itself, so the token comes from bench_tokens (a
-- numbered copy bench.py fills) by a primary-key subquery inside the same statement: one round trip, as the
-- server's; otherwise the UPDATE is the server's, word for word.
\set n random(1, :links)
UPDATE share_links SET usage_count = usage_count + 1, last_used_at = now()
 WHERE token = (SELECT token FROM bench_tokens WHERE n = :n) AND enabled = true
   AND (expires_at IS NULL OR expires_at > now())
   AND (usage_limit IS NULL OR usage_count < usage_limit)
 RETURNING *;
