package dev.sharelinks.publiclinks;

import dev.sharelinks.support.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Working links on a real PostgreSQL server. */
class PostgresPublicShareLinkFlowTests extends PublicShareLinkFlowTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
