package dev.sharelinks.audit;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.sharelinks.support.EmbeddedPostgres;

/** The audit trail on a real PostgreSQL server. */
class PostgresAuditTrailTests extends AuditTrailTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
