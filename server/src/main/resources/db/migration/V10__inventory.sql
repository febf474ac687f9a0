-- Revoking a key keeps its row (the operator's inventory lists it, with when), and keys remember when they last
-- authenticated a request (written at most once a minute per key). Lookups ignore revoked keys.
alter table api_keys add column revoked_at timestamp with time zone;
alter table api_keys add column last_used_at timestamp with time zone;
create index ix_api_keys_org on api_keys (organization_id, created_at);
create index ix_organizations_created on organizations (created_at, id);
create index ix_personas_org_name on personas (organization_id, name);
create index ix_results_org_id on results (organization_id, id);
