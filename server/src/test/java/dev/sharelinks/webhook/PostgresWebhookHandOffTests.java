package dev.sharelinks.webhook;

import dev.sharelinks.support.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hand-off on PostgreSQL, where the stored deliveries' keys come back with the insert (RETURNING). */
class PostgresWebhookHandOffTests extends WebhookHandOffTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
