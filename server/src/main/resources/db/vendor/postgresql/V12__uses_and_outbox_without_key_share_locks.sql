-- The rows a claim inserts, without the foreign keys' row locks (#17, #20). A foreign key is checked with a KEY
-- SHARE lock on the row it names, held to the end of the transaction: every claim locked its organisation's row
-- (the use log) and the webhook endpoint's row (the outbox), and every attempt its delivery. 64 claims at once on one
-- organisation share those locks through multixacts on one row; the inserts alone run 20-30 % faster without the
-- check (pgbench, 32 clients, one organisation). Nothing in the service deletes an organisation; a use-log row left
-- by one deleted by hand goes with the use-log retention. The repository deletes an endpoint's deliveries and
-- attempts with it, and the retention purge an attempt with its delivery, instead of the cascades. A delivery stored
-- by a claim that commits while its endpoint is being deleted is never taken (the take joins the endpoint) and the
-- purge removes it. H2 (the single-instance default) keeps its foreign keys.
alter table link_uses drop constraint link_uses_organization_id_fkey;
alter table webhook_attempts drop constraint webhook_attempts_event_id_endpoint_id_fkey;
alter table webhook_deliveries drop constraint webhook_deliveries_endpoint_id_fkey;

-- A delivery is waiting exactly when next_attempt_at is set: the index of due deliveries holds only those (a
-- settled row version adds no entry to it), and the oldest waiting one is read from it, so the status index goes.
drop index ix_webhook_deliveries_status;
drop index ix_webhook_deliveries_due;
create index ix_webhook_deliveries_due on webhook_deliveries (next_attempt_at) where next_attempt_at is not null;
