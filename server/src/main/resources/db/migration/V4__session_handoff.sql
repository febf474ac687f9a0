-- Session grants: the keys that sign them. Every instance signs with the newest key that is not retired; the
-- private key is stored encrypted with the key-encryption key (never in the database), the public key as a JWK.
create table signing_keys (
    kid                    varchar(64) primary key,
    public_jwk             varchar(2000) not null,
    private_jwk_encrypted  varchar(4000) not null,
    created_at             timestamp with time zone not null,
    retired_at             timestamp with time zone
);

-- Where a counted use leads: the persona's launch URL, else its organisation's default.
alter table personas add column launch_url varchar(2048);
alter table organizations add column launch_url varchar(2048);
-- The grants' audience, when the organisation's platform wants another than the organisation's id.
alter table organizations add column grant_audience varchar(200);

-- The organisation's own Anam API key (encrypted with the key-encryption key) for the session hand-off.
create table organization_anam_credentials (
    organization_id    uuid primary key references organizations (id) on delete cascade,
    api_key_encrypted  varchar(4000) not null,
    base_url           varchar(2048) not null,
    updated_at         timestamp with time zone not null
);
