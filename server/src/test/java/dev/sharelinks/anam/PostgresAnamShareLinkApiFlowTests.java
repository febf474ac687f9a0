package dev.sharelinks.anam;

import dev.sharelinks.support.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The flow on a real PostgreSQL server. */
class PostgresAnamShareLinkApiFlowTests extends AnamShareLinkApiFlowTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
