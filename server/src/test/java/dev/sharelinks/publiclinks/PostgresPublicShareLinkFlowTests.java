package dev.sharelinks.publiclinks;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.sharelinks.support.EmbeddedPostgres;

/** Working links on a real PostgreSQL server. */
class PostgresPublicShareLinkFlowTests extends PublicShareLinkFlowTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
