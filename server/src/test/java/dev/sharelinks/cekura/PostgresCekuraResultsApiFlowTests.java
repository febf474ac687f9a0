package dev.sharelinks.cekura;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.sharelinks.support.EmbeddedPostgres;

/** The Cekura flow on a real PostgreSQL server. */
class PostgresCekuraResultsApiFlowTests extends CekuraResultsApiFlowTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }
}
