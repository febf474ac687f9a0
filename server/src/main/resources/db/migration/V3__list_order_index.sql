-- Lists are ordered by (created_at desc, id desc) within an organisation: with id in the index the database
-- reads a page in index order instead of sorting every link of the organisation (see bench/README.md).
create index ix_share_links_org_created_id on share_links (organization_id, created_at, id);
drop index ix_share_links_org_created;
