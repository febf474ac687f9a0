-- The server's only statement for a public status read (ShareLinkRepository.findByToken) on a random link,
-- one round trip (the token comes from bench_tokens by a primary-key subquery).
\set n random(1, :links)
SELECT * FROM share_links WHERE token = (SELECT token FROM bench_tokens WHERE n = :n);
