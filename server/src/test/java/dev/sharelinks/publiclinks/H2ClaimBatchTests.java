package dev.sharelinks.publiclinks;

import org.springframework.test.context.TestPropertySource;

/** Claims counted together on the embedded default database (which waits up to 30 s for the test's row lock). */
@TestPropertySource(
        properties =
                "spring.datasource.url=jdbc:h2:mem:claim-batches-${random.uuid};DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000")
class H2ClaimBatchTests extends ClaimBatchTests {}
