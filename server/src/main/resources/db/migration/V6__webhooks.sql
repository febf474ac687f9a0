-- Webhook endpoints of an organisation. The signing secrets are stored encrypted with the key-encryption key
-- (they must be used again to sign); during a rotation the previous one signs too, until it expires.
create table webhook_endpoints (
    id                          uuid primary key,
    organization_id             uuid not null references organizations (id) on delete cascade,
    url                         varchar(2048) not null,
    description                 varchar(500),
    enabled                     boolean not null,
    disabled_reason             varchar(500),
    secret_encrypted            varchar(1000) not null,
    previous_secret_encrypted   varchar(1000),
    previous_secret_expires_at  timestamp with time zone,
    created_at                  timestamp with time zone not null,
    updated_at                  timestamp with time zone not null
);
create index ix_webhook_endpoints_org on webhook_endpoints (organization_id, created_at);

-- Which event types an endpoint receives; the outbox insert joins this table.
create table webhook_subscriptions (
    endpoint_id      uuid not null references webhook_endpoints (id) on delete cascade,
    organization_id  uuid not null,
    event_type       varchar(40) not null,
    primary key (endpoint_id, event_type)
);
create index ix_webhook_subscriptions_org on webhook_subscriptions (organization_id, event_type);

-- The outbox: one row per event and endpoint, written in the transaction of the change it announces. A worker
-- takes a due row by moving next_attempt_at past its lease (FOR UPDATE SKIP LOCKED), sends, and records the
-- outcome; a crash mid-send leaves the row due again once the lease has passed. next_attempt_at is null once the
-- delivery is delivered or failed.
create table webhook_deliveries (
    event_id         uuid not null,
    endpoint_id      uuid not null references webhook_endpoints (id) on delete cascade,
    organization_id  uuid not null,
    event_type       varchar(40) not null,
    payload          text not null,
    created_at       timestamp with time zone not null,
    status           varchar(16) not null,
    attempts         integer not null default 0,
    round_attempts   integer not null default 0,
    next_attempt_at  timestamp with time zone,
    primary key (event_id, endpoint_id)
);
create index ix_webhook_deliveries_due on webhook_deliveries (next_attempt_at);
create index ix_webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at);
create index ix_webhook_deliveries_status on webhook_deliveries (status, created_at);

-- What each attempt found: the receiver's status and the first 1 KB of its answer, or why there was none.
create table webhook_attempts (
    event_id     uuid not null,
    endpoint_id  uuid not null,
    number       integer not null,
    attempted_at timestamp with time zone not null,
    status       integer,
    latency_ms   integer not null,
    response     varchar(1024),
    error        varchar(500),
    primary key (event_id, endpoint_id, number),
    foreign key (event_id, endpoint_id) references webhook_deliveries (event_id, endpoint_id) on delete cascade
);

-- share_link.expired is announced once per link and expiry: the expiry that was announced is kept, so a link that
-- is renewed and expires again is announced again. Links that had expired before this migration are not.
alter table share_links add column expiry_announced_at timestamp with time zone;
update share_links set expiry_announced_at = expires_at where expires_at is not null and expires_at <= current_timestamp;
