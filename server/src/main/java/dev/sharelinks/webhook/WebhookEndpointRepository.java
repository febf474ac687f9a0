package dev.sharelinks.webhook;

import dev.sharelinks.platform.jdbc.DbTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook endpoints and their subscriptions in SQL. */
@Repository
class WebhookEndpointRepository {

    /** The sealed secrets of an endpoint; {@code previous} is null outside a rotation. */
    record SealedSecrets(String current, String previous, Instant previousExpiresAt) {}

    private final JdbcClient jdbc;

    WebhookEndpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WebhookEndpoint endpoint, String sealedSecret) {
        jdbc.sql("""
                        insert into webhook_endpoints (id, organization_id, url, description, enabled, disabled_reason,
                            secret_encrypted, created_at, updated_at)
                        values (:id, :org, :url, :description, true, null, :secret, :created, :created)""")
                .param("id", endpoint.id())
                .param("org", endpoint.organizationId())
                .param("url", endpoint.url())
                .param("description", endpoint.description())
                .param("secret", sealedSecret)
                .param("created", DbTime.toDb(endpoint.createdAt()))
                .update();
        subscribe(endpoint.id(), endpoint.organizationId(), endpoint.eventTypes());
    }

    void replaceSubscriptions(UUID endpointId, UUID organizationId, Collection<EventType> types) {
        jdbc.sql("delete from webhook_subscriptions where endpoint_id = :id")
                .param("id", endpointId)
                .update();
        subscribe(endpointId, organizationId, types);
    }

    private void subscribe(UUID endpointId, UUID organizationId, Collection<EventType> types) {
        for (EventType type : types) {
            jdbc.sql("""
                            insert into webhook_subscriptions (endpoint_id, organization_id, event_type)
                            values (:id, :org, :type)""")
                    .param("id", endpointId)
                    .param("org", organizationId)
                    .param("type", type.wireName())
                    .update();
        }
    }

    Optional<WebhookEndpoint> find(UUID organizationId, UUID id) {
        return jdbc.sql("select * from webhook_endpoints where id = :id and organization_id = :org")
                .param("id", id)
                .param("org", organizationId)
                .query((rs, row) -> map(rs, typesOf(id)))
                .optional();
    }

    /** An endpoint and its sealed secrets: what a delivery attempt needs, read together. */
    record EndpointWithSecrets(WebhookEndpoint endpoint, SealedSecrets secrets) {}

    /**
     * The endpoint whatever its organisation, with its sealed secrets, in one read: for the delivery workers, which
     * act for every organisation (one round trip an attempt; it was two).
     */
    Optional<EndpointWithSecrets> withSecrets(UUID id) {
        return jdbc.sql("select * from webhook_endpoints where id = :id")
                .param("id", id)
                .query((rs, row) -> new EndpointWithSecrets(map(rs, List.of()), sealedSecrets(rs)))
                .optional();
    }

    List<WebhookEndpoint> list(UUID organizationId) {
        Map<UUID, Set<EventType>> types = subscriptionsBy(
                "endpoint_id",
                jdbc.sql("select endpoint_id, event_type from webhook_subscriptions where organization_id = :org")
                        .param("org", organizationId));
        return jdbc.sql("select * from webhook_endpoints where organization_id = :org order by created_at desc, id")
                .param("org", organizationId)
                .query((rs, row) -> map(rs, List.copyOf(types.getOrDefault(rs.getObject("id", UUID.class), Set.of()))))
                .list();
    }

    private List<EventType> typesOf(UUID id) {
        var types = subscriptionsBy(
                "endpoint_id",
                jdbc.sql("select endpoint_id, event_type from webhook_subscriptions where endpoint_id = :id")
                        .param("id", id));
        return List.copyOf(types.getOrDefault(id, Set.of()));
    }

    /** Every (organisation, event type) an enabled endpoint is subscribed to. */
    Map<UUID, Set<EventType>> enabledSubscriptions() {
        return subscriptionsBy("organization_id", jdbc.sql("""
                select s.organization_id, s.event_type from webhook_subscriptions s
                  join webhook_endpoints e on e.id = s.endpoint_id
                 where e.enabled"""));
    }

    /** Event types grouped by the UUID in {@code column}; types this version does not know are left out. */
    private static Map<UUID, Set<EventType>> subscriptionsBy(String column, JdbcClient.StatementSpec query) {
        Map<UUID, Set<EventType>> grouped = new HashMap<>();
        query.query(rs -> {
            UUID key = rs.getObject(column, UUID.class);
            var type = EventType.fromWireName(rs.getString("event_type"));
            if (type.isPresent()) {
                grouped.computeIfAbsent(key, k -> EnumSet.noneOf(EventType.class))
                        .add(type.get());
            }
        });
        return grouped;
    }

    /**
     * Changes the given columns; null leaves a column unchanged, except {@code description} when
     * {@code setDescription}.
     */
    boolean update(
            UUID organizationId,
            UUID id,
            String url,
            boolean setDescription,
            String description,
            Boolean enabled,
            Instant now) {
        List<String> sets = new ArrayList<>();
        sets.add("updated_at = :now");
        if (url != null) {
            sets.add("url = :url");
        }
        if (setDescription) {
            sets.add("description = :description");
        }
        if (enabled != null) {
            sets.add("enabled = :enabled");
            sets.add(enabled ? "disabled_reason = null" : "disabled_reason = :reason");
        }
        var statement = jdbc.sql("update webhook_endpoints set " + String.join(", ", sets)
                        + " where id = :id and organization_id = :org")
                .param("id", id)
                .param("org", organizationId)
                .param("now", DbTime.toDb(now));
        if (url != null) {
            statement = statement.param("url", url);
        }
        if (setDescription) {
            statement = statement.param("description", description);
        }
        if (enabled != null) {
            statement = statement.param("enabled", enabled);
            if (!enabled) {
                statement = statement.param("reason", "Disabled by its owner");
            }
        }
        return statement.update() == 1;
    }

    /**
     * Disables an enabled endpoint and says why.
     *
     * @return false when it was disabled already (or is gone)
     */
    boolean disable(UUID id, String reason, Instant now) {
        return jdbc.sql("""
                                update webhook_endpoints set enabled = false, disabled_reason = :reason, updated_at = :now
                                 where id = :id and enabled""")
                        .param("id", id)
                        .param("reason", reason)
                        .param("now", DbTime.toDb(now))
                        .update()
                == 1;
    }

    boolean delete(UUID organizationId, UUID id) {
        return jdbc.sql("delete from webhook_endpoints where id = :id and organization_id = :org")
                        .param("id", id)
                        .param("org", organizationId)
                        .update()
                == 1;
    }

    private static SealedSecrets sealedSecrets(ResultSet rs) throws SQLException {
        return new SealedSecrets(
                rs.getString("secret_encrypted"),
                rs.getString("previous_secret_encrypted"),
                DbTime.fromDb(rs, "previous_secret_expires_at"));
    }

    boolean rotateSecret(UUID organizationId, UUID id, String sealedSecret, Instant previousExpiresAt, Instant now) {
        return jdbc.sql("""
                                update webhook_endpoints
                                   set previous_secret_encrypted = secret_encrypted,
                                       previous_secret_expires_at = :previousExpires,
                                       secret_encrypted = :secret, updated_at = :now
                                 where id = :id and organization_id = :org""")
                        .param("id", id)
                        .param("org", organizationId)
                        .param("secret", sealedSecret)
                        .param("previousExpires", DbTime.toDb(previousExpiresAt))
                        .param("now", DbTime.toDb(now))
                        .update()
                == 1;
    }

    private static WebhookEndpoint map(ResultSet rs, List<EventType> types) throws SQLException {
        return new WebhookEndpoint(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("url"),
                rs.getString("description"),
                types,
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"),
                DbTime.fromDb(rs, "created_at"));
    }
}
