-- Bucket4j's table for the per-client rate limits on PostgreSQL, shared by every instance (one row per client and
-- limit; expires_at in epoch milliseconds, when the bucket would be full again, for the clean-up job). Unused on the
-- embedded database, whose limits stay in memory.
create table rate_limit_buckets (
    id varchar(128) not null primary key,
    state bytea,
    expires_at bigint
);
