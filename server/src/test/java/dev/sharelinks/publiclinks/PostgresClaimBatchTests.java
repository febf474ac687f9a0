package dev.sharelinks.publiclinks;

import dev.sharelinks.support.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Claims counted together on a real PostgreSQL server. */
class PostgresClaimBatchTests extends ClaimBatchTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
