-- On PostgreSQL this version adds trigger-kept link counts for the lists (db/vendor/postgresql). The embedded H2
-- database counts a list's links when it is read (a few thousand links at most), so it needs nothing here; the
-- version exists so that both databases have the same history.
select 1;
