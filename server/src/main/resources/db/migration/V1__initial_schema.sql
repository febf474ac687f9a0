-- One schema for both databases: plain SQL that H2 (embedded default) and PostgreSQL both accept.

create table organizations (
    id                       uuid primary key,
    name                     varchar(200) not null,
    plan_remove_watermark    boolean not null,
    plan_whitelabel_reports  boolean not null,
    custom_domain            varchar(253),
    created_at               timestamp with time zone not null
);

-- API keys are stored only as SHA-256 hashes of the secret.
create table api_keys (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id) on delete cascade,
    name             varchar(200) not null,
    key_hash         char(64) not null,
    created_at       timestamp with time zone not null,
    constraint uq_api_keys_hash unique (key_hash)
);

create table personas (
    id               uuid primary key,
    organization_id  uuid not null references organizations (id) on delete cascade,
    name             varchar(200) not null,
    created_at       timestamp with time zone not null
);
create index ix_personas_org on personas (organization_id);

-- Anam share links. The token is returned by the vendor API on every read, so it is stored as issued.
-- primary_persona_id equals persona_id for the persona's primary link and is null otherwise:
-- a unique constraint on it enforces "at most one primary per persona" on both databases
-- (H2 has no partial indexes).
create table share_links (
    id                  uuid primary key,
    organization_id     uuid not null references organizations (id) on delete cascade,
    persona_id          uuid not null references personas (id) on delete cascade,
    persona_name        varchar(200) not null,
    token               varchar(64) not null,
    link_type           varchar(16) not null,
    expires_at          timestamp with time zone,
    usage_limit         integer,
    usage_count         integer not null default 0,
    allowed_origins     varchar(16000) not null default '',  -- up to 50 origins of up to 300 characters
    allow_all_origins   boolean not null default false,
    remove_watermark    boolean not null default false,
    enabled             boolean not null default true,
    primary_persona_id  uuid,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    last_used_at        timestamp with time zone,
    constraint uq_share_links_token unique (token),
    constraint uq_share_links_primary unique (primary_persona_id),
    constraint ck_share_links_usage check (usage_count >= 0)
);
create index ix_share_links_org_created on share_links (organization_id, created_at);
create index ix_share_links_persona on share_links (persona_id);

-- Cekura test results: the stored result document is any JSON object, kept as text.
create table results (
    id               bigint primary key,
    organization_id  uuid not null references organizations (id) on delete cascade,
    document         text not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create index ix_results_org on results (organization_id);

-- Cekura shareable-link tokens, stored only as SHA-256 hashes.
create table result_share_tokens (
    id               uuid primary key,
    result_id        bigint not null references results (id) on delete cascade,
    token_hash       char(64) not null,
    expire_at        timestamp with time zone not null,
    created_at       timestamp with time zone not null,
    constraint uq_result_share_tokens_hash unique (token_hash)
);
create index ix_result_share_tokens_result on result_share_tokens (result_id);
