-- The use log: one row per counted use (the claim's own transaction writes it; a use given back deletes it).
-- slot is used_at in 15-minute steps since the epoch: every time zone's hours and midnights fall on a slot's
-- start (all offsets in use are multiples of 15 minutes), so counts per slot add up exactly to any zone's hours
-- and days. No foreign key to share_links: a deleted link's uses stay in its persona's and organisation's counts
-- until the use-log period has passed. No address is stored.
create table link_uses (
    session_id       uuid primary key,
    organization_id  uuid not null references organizations (id) on delete cascade,
    link_id          uuid not null,
    persona_id       uuid not null,
    used_at          timestamp with time zone not null,
    slot             bigint not null,
    origin_host      varchar(255),
    referrer_host    varchar(255),
    agent_family     varchar(64) not null,
    bot              boolean not null
);
create index ix_link_uses_link on link_uses (link_id, slot);
create index ix_link_uses_persona on link_uses (persona_id, slot);
create index ix_link_uses_org on link_uses (organization_id, slot);
