-- The server's claim statement on one hot link (every client on the same row), one round trip.
UPDATE share_links SET usage_count = usage_count + 1, last_used_at = now()
 WHERE token = (SELECT token FROM bench_tokens WHERE n = 0) AND enabled = true
   AND (expires_at IS NULL OR expires_at > now())
   AND (usage_limit IS NULL OR usage_count < usage_limit)
 RETURNING *;
