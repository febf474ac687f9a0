package dev.sharelinks.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.support.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Webhooks on a real PostgreSQL server: every test of {@link WebhookDeliveryTests}, with the take, the lease and the
 * deletions as PostgreSQL runs them (its outbox has no foreign keys since V12), and what the foreign keys used to
 * prevent: rows left behind by an endpoint deleted while a claim or an attempt was under way.
 */
class PostgresWebhookDeliveryTests extends WebhookDeliveryTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired
    DeliveryRepository deliveries;

    @Test
    void rowsLeftByADeletedEndpointAreNeverTakenNorCountedAsWaitingAndThePurgeRemovesThem() {
        UUID gone = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        waitingDelivery(event, gone);
        // due now, and older than anything the other tests leave waiting
        Instant longAgo = Instant.now().minus(Duration.ofDays(3000));
        jdbc.sql("update webhook_deliveries set next_attempt_at = :now, created_at = :longAgo where event_id = :event")
                .param("now", Timestamp.from(Instant.now().minusSeconds(1)))
                .param("longAgo", Timestamp.from(longAgo))
                .param("event", event)
                .update();
        jdbc.sql("""
                        insert into webhook_attempts (event_id, endpoint_id, number, attempted_at, status, latency_ms)
                        values (:event, :endpoint, 1, current_timestamp, 200, 1)""").param("event", UUID.randomUUID()).param("endpoint", gone).update();

        List<Delivery> taken = transaction.execute(
                status -> deliveries.take(Instant.now(), Instant.now().plusSeconds(60), 100));
        assertThat(taken).extracting(Delivery::eventId).doesNotContain(event);
        assertThat(deliveries.oldestPending())
                .satisfiesAnyOf(
                        oldest -> assertThat(oldest).isNull(),
                        oldest -> assertThat(oldest).isAfter(longAgo));

        deliveryLog.purgeSettledBefore(Instant.now().minusSeconds(3600));
        assertThat(rows("webhook_deliveries", gone)).isZero();
        assertThat(rows("webhook_attempts", gone)).isZero();
    }
}
