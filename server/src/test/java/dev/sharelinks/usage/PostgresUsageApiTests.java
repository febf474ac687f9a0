package dev.sharelinks.usage;

import dev.sharelinks.support.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The usage API on a real PostgreSQL server: the same counts from the same uses. */
class PostgresUsageApiTests extends UsageApiTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
