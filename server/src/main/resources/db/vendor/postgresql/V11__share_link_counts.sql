-- Exact link counts for the lists, kept by the database itself: meta.total of a list without a search reads
-- these rows instead of counting the organisation's links on every page (#20). A trigger keeps them in the same
-- transaction as every insert, delete (cascades from a persona or an organisation too) and move of a link.
-- Each organisation (persona_id = the nil UUID) and each persona has 16 rows (shards): a transaction adds to the
-- shard of its transaction id only, so concurrent creates rarely wait on one row, and a transaction that touches
-- several links always takes the organisation's row before a persona's (no lock cycle between two of them).
create table share_link_counts (
    organization_id uuid     not null references organizations (id) on delete cascade,
    persona_id      uuid     not null,
    shard           smallint not null,
    links           bigint   not null,
    primary key (organization_id, persona_id, shard)
);

create function share_link_counts_add(org uuid, persona uuid, delta integer) returns void language sql as $$
    insert into share_link_counts (organization_id, persona_id, shard, links)
    values (org, '00000000-0000-0000-0000-000000000000', (txid_current() % 16)::smallint, delta),
           (org, persona, (txid_current() % 16)::smallint, delta)
    on conflict (organization_id, persona_id, shard) do update set links = share_link_counts.links + excluded.links
$$;

create function share_link_counts_track() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform share_link_counts_add(new.organization_id, new.persona_id, 1);
    elsif tg_op = 'DELETE' then
        -- a cascade from the organisation's own deletion finds its rows gone already: nothing to count then
        if exists (select 1 from organizations where id = old.organization_id) then
            perform share_link_counts_add(old.organization_id, old.persona_id, -1);
        end if;
    elsif new.organization_id <> old.organization_id or new.persona_id <> old.persona_id then
        perform share_link_counts_add(old.organization_id, old.persona_id, -1);
        perform share_link_counts_add(new.organization_id, new.persona_id, 1);
    end if;
    return null;
end
$$;

create trigger share_link_counts_track
    after insert or delete or update of organization_id, persona_id on share_links
    for each row execute function share_link_counts_track();

insert into share_link_counts (organization_id, persona_id, shard, links)
select organization_id, '00000000-0000-0000-0000-000000000000', 0, count(*) from share_links group by organization_id;
insert into share_link_counts (organization_id, persona_id, shard, links)
select organization_id, persona_id, 0, count(*) from share_links group by organization_id, persona_id;
