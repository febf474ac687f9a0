package dev.sharelinks.webhook;

import dev.sharelinks.platform.jdbc.DatabaseKind;
import dev.sharelinks.platform.jdbc.DbTime;
import dev.sharelinks.webhook.Delivery.Attempt;
import dev.sharelinks.webhook.Delivery.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox (webhook_deliveries) and the attempt log in SQL. */
@Repository
class DeliveryRepository {

    /** A delivery's key: the event and the endpoint it goes to. */
    record Key(UUID eventId, UUID endpointId) {}

    private static final String COLUMNS = """
            d.event_id, d.endpoint_id, d.organization_id, d.event_type, d.payload, d.created_at, d.status, d.attempts,
            d.round_attempts, d.next_attempt_at""";

    private static final String DUE = """
            select d.event_id, d.endpoint_id from webhook_deliveries d
             where d.next_attempt_at <= :now
               and exists (select 1 from webhook_endpoints e where e.id = d.endpoint_id and e.enabled)
             order by d.next_attempt_at, d.created_at
             limit :limit
               for update skip locked""";

    private static final String RESERVE = """
            update webhook_deliveries
               set next_attempt_at = :lease, attempts = attempts + 1, round_attempts = round_attempts + 1""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DatabaseKind database;

    DeliveryRepository(JdbcClient jdbc, JdbcTemplate batches, DatabaseKind database) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.database = database;
    }

    /**
     * An event to store for the endpoints subscribed to its type, due at {@code due}; or, with {@code leaseUntil},
     * already reserved for this instance until then, its first attempt counted (handed to its worker).
     */
    record Enqueued(
            UUID eventId,
            UUID organizationId,
            EventType type,
            String payload,
            Instant now,
            Instant due,
            Instant leaseUntil) {

        Enqueued(UUID eventId, UUID organizationId, EventType type, String payload, Instant now, Instant due) {
            this(eventId, organizationId, type, payload, now, due, null);
        }

        Enqueued leasedUntil(Instant lease) {
            return new Enqueued(eventId, organizationId, type, payload, now, due, lease);
        }

        /** The delivery to one endpoint that a leased event made, as stored: its first attempt counted. */
        Delivery leasedTo(UUID endpointId) {
            return new Delivery(
                    eventId,
                    endpointId,
                    organizationId,
                    type,
                    payload,
                    now,
                    Delivery.Status.PENDING,
                    1,
                    1,
                    leaseUntil,
                    List.of());
        }
    }

    private static final String ENQUEUE = """
            insert into webhook_deliveries (event_id, endpoint_id, organization_id, event_type, payload,
                created_at, status, attempts, round_attempts, next_attempt_at)
            select ?, e.id, e.organization_id, ?, ?, ?, 'PENDING', ?, ?, ?
              from webhook_subscriptions s
              join webhook_endpoints e on e.id = s.endpoint_id
             where s.organization_id = ? and s.event_type = ? and e.enabled""";

    /**
     * One delivery per event and enabled endpoint of its organisation subscribed to its type, in the caller's
     * transaction; all the events in one JDBC batch (one round trip however many there are).
     *
     * @return the deliveries they make together
     */
    List<Key> enqueue(List<Enqueued> events) {
        // the keys come back with the batch (PostgreSQL: RETURNING), not from a second statement
        return batches.execute(
                (Connection connection) ->
                        connection.prepareStatement(ENQUEUE, new String[] {"event_id", "endpoint_id"}),
                (PreparedStatement insert) -> {
                    for (Enqueued e : events) {
                        int attempts = e.leaseUntil() == null ? 0 : 1;
                        insert.setObject(1, e.eventId());
                        insert.setString(2, e.type().wireName());
                        insert.setString(3, e.payload());
                        insert.setObject(4, DbTime.toDb(e.now()));
                        insert.setInt(5, attempts);
                        insert.setInt(6, attempts);
                        insert.setObject(7, DbTime.toDb(e.leaseUntil() == null ? e.due() : e.leaseUntil()));
                        insert.setObject(8, e.organizationId());
                        insert.setString(9, e.type().wireName());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    List<Key> stored = new ArrayList<>();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        while (keys.next()) {
                            stored.add(new Key(keys.getObject(1, UUID.class), keys.getObject(2, UUID.class)));
                        }
                    }
                    return stored;
                });
    }

    /**
     * Reserves up to {@code limit} due deliveries for this instance until {@code leaseUntil}, counting the attempt
     * about to be made. Rows another instance is reserving at the same moment are skipped, not waited for. Must
     * run in a transaction (the row locks last until the reservation commits).
     */
    List<Delivery> take(Instant now, Instant leaseUntil, int limit) {
        if (database.isPostgres()) {
            // one round trip: lock, reserve and read the batch
            return jdbc.sql(RESERVE + " where (event_id, endpoint_id) in (" + DUE + ") returning "
                            + COLUMNS.replace("d.", ""))
                    .param("lease", DbTime.toDb(leaseUntil))
                    .param("now", DbTime.toDb(now))
                    .param("limit", limit)
                    .query(DeliveryRepository::map)
                    .list();
        }
        List<Key> due = jdbc.sql(DUE)
                .param("now", DbTime.toDb(now))
                .param("limit", limit)
                .query((rs, row) ->
                        new Key(rs.getObject("event_id", UUID.class), rs.getObject("endpoint_id", UUID.class)))
                .list();
        List<Delivery> taken = new ArrayList<>(due.size());
        for (Key key : due) {
            jdbc.sql(RESERVE + " where event_id = :event and endpoint_id = :endpoint")
                    .param("lease", DbTime.toDb(leaseUntil))
                    .param("event", key.eventId())
                    .param("endpoint", key.endpointId())
                    .update();
            find(key).ifPresent(taken::add);
        }
        return taken;
    }

    Optional<Delivery> find(Key key) {
        return jdbc.sql("select " + COLUMNS
                        + " from webhook_deliveries d where event_id = :event and endpoint_id = :endpoint")
                .param("event", key.eventId())
                .param("endpoint", key.endpointId())
                .query(DeliveryRepository::map)
                .optional();
    }

    /** An attempt made of a delivery. */
    record Attempted(Key key, Attempt attempt) {}

    void recordAttempt(Key key, Attempt attempt) {
        recordAttempts(List.of(new Attempted(key, attempt)));
    }

    /** The attempts' log rows, in one JDBC batch. */
    void recordAttempts(List<Attempted> attempted) {
        List<Object[]> rows = new ArrayList<>(attempted.size());
        for (Attempted a : attempted) {
            rows.add(new Object[] {
                a.key().eventId(),
                a.key().endpointId(),
                a.attempt().number(),
                DbTime.toDb(a.attempt().at()),
                a.attempt().status(),
                (int) Math.min(Integer.MAX_VALUE, a.attempt().latencyMs()),
                a.attempt().response(),
                a.attempt().error()
            });
        }
        batches.batchUpdate("""
                insert into webhook_attempts (event_id, endpoint_id, number, attempted_at, status, latency_ms,
                    response, error)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** {@link #settle}s each attempt as delivered, in one JDBC batch. */
    void settleDelivered(List<Attempted> delivered) {
        List<Object[]> rows = new ArrayList<>(delivered.size());
        for (Attempted a : delivered) {
            rows.add(settleRow(a.key(), a.attempt().number(), Status.DELIVERED, null));
        }
        batches.batchUpdate(SETTLE, rows);
    }

    /**
     * Settles the attempt numbered {@code attempt}: delivered or failed ({@code next} null), or due again at
     * {@code next}. Nothing changes when a later attempt (after a lease ran out) or a redelivery came in between.
     */
    boolean settle(Key key, int attempt, Status status, Instant next) {
        return batches.update(SETTLE, settleRow(key, attempt, status, next)) == 1;
    }

    private static final String SETTLE = """
            update webhook_deliveries set status = ?, next_attempt_at = ?
             where event_id = ? and endpoint_id = ? and attempts = ? and status = 'PENDING'""";

    private static Object[] settleRow(Key key, int attempt, Status status, Instant next) {
        return new Object[] {status.name(), DbTime.toDb(next), key.eventId(), key.endpointId(), attempt};
    }

    /**
     * Handed deliveries this instance will not attempt (it is stopping): due at {@code now} again, their reserved
     * attempt uncounted, unless something else happened to them meanwhile.
     */
    void giveBack(List<Delivery> handed, Instant now) {
        List<Object[]> rows = new ArrayList<>(handed.size());
        for (Delivery d : handed) {
            rows.add(new Object[] {DbTime.toDb(now), d.eventId(), d.endpointId(), d.attempts()});
        }
        batches.batchUpdate("""
                update webhook_deliveries
                   set attempts = attempts - 1, round_attempts = round_attempts - 1, next_attempt_at = ?
                 where event_id = ? and endpoint_id = ? and attempts = ? and status = 'PENDING'""", rows);
    }

    /** The endpoint's waiting deliveries fail with it (a re-enabled endpoint does not get them unless redelivered). */
    int failPending(UUID endpointId) {
        return jdbc.sql("""
                        update webhook_deliveries set status = 'FAILED', next_attempt_at = null
                         where endpoint_id = :endpoint and status = 'PENDING'""").param("endpoint", endpointId).update();
    }

    /** The endpoint's latest deliveries, newest first, each with its attempts (the latest 20). */
    List<Delivery> list(UUID organizationId, UUID endpointId, int limit) {
        List<Delivery> deliveries = jdbc.sql("select " + COLUMNS + """
                         from webhook_deliveries d
                        where d.endpoint_id = :endpoint and d.organization_id = :org
                        order by d.created_at desc, d.event_id
                        limit :limit""")
                .param("endpoint", endpointId)
                .param("org", organizationId)
                .param("limit", limit)
                .query(DeliveryRepository::map)
                .list();
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<UUID, List<Attempt>> attempts = new HashMap<>();
        jdbc.sql("""
                        select event_id, number, attempted_at, status, latency_ms, response, error
                          from webhook_attempts
                         where endpoint_id = :endpoint and event_id in (:events)
                         order by number""")
                .param("endpoint", endpointId)
                .param("events", deliveries.stream().map(Delivery::eventId).toList())
                .query(rs -> {
                    attempts.computeIfAbsent(rs.getObject("event_id", UUID.class), k -> new ArrayList<>())
                            .add(mapAttempt(rs));
                });
        return deliveries.stream()
                .map(d -> {
                    List<Attempt> log = attempts.getOrDefault(d.eventId(), List.of());
                    return d.withLog(List.copyOf(log.subList(Math.max(0, log.size() - 20), log.size())));
                })
                .toList();
    }

    /** Due again now, with a fresh retry schedule; the same event id. */
    boolean redeliver(UUID organizationId, UUID endpointId, UUID eventId, Instant now) {
        return jdbc.sql("""
                                update webhook_deliveries set status = 'PENDING', round_attempts = 0, next_attempt_at = :now
                                 where event_id = :event and endpoint_id = :endpoint and organization_id = :org""")
                        .param("now", DbTime.toDb(now))
                        .param("event", eventId)
                        .param("endpoint", endpointId)
                        .param("org", organizationId)
                        .update()
                == 1;
    }

    /**
     * When the oldest delivery still waiting was created, or null when none waits. Waiting means due at some time
     * (the index of due deliveries); a delivery left behind by an endpoint deleted meanwhile does not count.
     */
    Instant oldestPending() {
        return jdbc.sql("""
                        select min(d.created_at) as oldest from webhook_deliveries d
                         where d.next_attempt_at is not null
                           and exists (select 1 from webhook_endpoints e where e.id = d.endpoint_id)""")
                .query((rs, row) -> DbTime.fromDb(rs, "oldest"))
                .optional()
                .orElse(null);
    }

    /**
     * Deletes settled deliveries created before the cutoff and any delivery whose endpoint is gone (stored by a
     * change that committed while the endpoint was being deleted), then every attempt whose delivery is gone (also
     * one recorded by an attempt that was in flight while its endpoint was deleted). Must run in a transaction.
     */
    int purgeSettledBefore(Instant cutoff) {
        int purged = jdbc.sql("""
                        delete from webhook_deliveries d
                         where (d.status <> 'PENDING' and d.created_at < :cutoff)
                            or not exists (select 1 from webhook_endpoints e where e.id = d.endpoint_id)""").param("cutoff", DbTime.toDb(cutoff)).update();
        jdbc.sql("""
                        delete from webhook_attempts a
                         where not exists (select 1 from webhook_deliveries d
                                            where d.event_id = a.event_id and d.endpoint_id = a.endpoint_id)""").update();
        return purged;
    }

    /** Deletes the endpoint's deliveries and their attempts (before the endpoint). Must run in a transaction. */
    void deleteAllOf(UUID endpointId) {
        // by the attempts' key: the endpoint's deliveries (its index), then each one's attempts (their primary key)
        jdbc.sql("""
                        delete from webhook_attempts
                         where endpoint_id = :endpoint
                           and event_id in (select event_id from webhook_deliveries where endpoint_id = :endpoint)""").param("endpoint", endpointId).update();
        jdbc.sql("delete from webhook_deliveries where endpoint_id = :endpoint")
                .param("endpoint", endpointId)
                .update();
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getObject("event_id", UUID.class),
                rs.getObject("endpoint_id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                EventType.fromWireName(rs.getString("event_type")).orElseThrow(),
                rs.getString("payload"),
                DbTime.fromDb(rs, "created_at"),
                Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getInt("round_attempts"),
                DbTime.fromDb(rs, "next_attempt_at"),
                List.of());
    }

    private static Attempt mapAttempt(ResultSet rs) throws SQLException {
        int status = rs.getInt("status");
        Integer answered = rs.wasNull() ? null : status;
        return new Attempt(
                rs.getInt("number"),
                DbTime.fromDb(rs, "attempted_at"),
                answered,
                rs.getLong("latency_ms"),
                rs.getString("response"),
                rs.getString("error"));
    }
}
