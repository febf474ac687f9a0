-- The server's Cekura token lookup (ResultShareTokenRepository.findByHash) for a random issued token, one round
-- trip (the hash comes from bench_result_tokens by a primary-key subquery).
\set n random(1, :tokens)
SELECT result_id, expire_at FROM result_share_tokens
 WHERE token_hash = (SELECT hash FROM bench_result_tokens WHERE n = :n);
