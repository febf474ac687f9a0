package dev.sharelinks.cekura;

import dev.sharelinks.support.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Cekura flow on a real PostgreSQL server. */
class PostgresCekuraResultsApiFlowTests extends CekuraResultsApiFlowTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
