-- The server's Cekura token lookup (ResultShareTokenRepository.findByHash) for a random issued token.
\set n random(1, :tokens)
SELECT hash AS h FROM bench_result_tokens WHERE n = :n \gset
SELECT result_id, expire_at FROM result_share_tokens WHERE token_hash = :h;
