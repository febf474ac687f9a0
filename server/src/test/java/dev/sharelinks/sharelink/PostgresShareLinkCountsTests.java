package dev.sharelinks.sharelink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.sharelinks.support.EmbeddedPostgres;
import dev.sharelinks.support.TestOrganization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The list totals PostgreSQL keeps by trigger (V11) stay exact whatever changes the links: concurrent creates and
 * deletes, a persona's deletion (its links go by cascade), an organisation's deletion; and the lists' meta.total
 * reads them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PostgresShareLinkCountsTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ShareLinkService links;

    @Autowired
    ShareLinkRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theKeptTotalsAreTheCountsThroughConcurrentCreatesDeletesAndCascades() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Counted", false, false);
        UUID second = UUID.randomUUID();
        mvc.perform(put("/admin/v1/organizations/{org}/personas/{persona}", org.id(), second)
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Second persona\"}"))
                .andExpect(status().isOk());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ShareLink>> created = new ArrayList<>();
            for (int i = 0; i < 240; i++) {
                UUID persona = i % 3 == 0 ? second : org.personaId();
                created.add(pool.submit(() -> links.create(org.id(), persona, Duration.ofHours(1), 5)));
            }
            List<ShareLink> made = new ArrayList<>();
            for (Future<ShareLink> link : created) {
                made.add(link.get());
            }
            List<Future<?>> deleted = new ArrayList<>();
            for (ShareLink link : made.subList(0, 60)) {
                deleted.add(pool.submit(() -> links.delete(org.id(), link.id())));
            }
            for (Future<?> done : deleted) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertKeptTotalsAreCounts(org.id(), org.personaId(), second);
        assertThat(repository.count(org.id(), null, null)).isEqualTo(180);
        assertThat(links.list(org.id(), 1, 20, null, null).total()).isEqualTo(180);

        // a persona's links leave with it, by cascade
        mvc.perform(delete("/admin/v1/organizations/{org}/personas/{persona}", org.id(), second)
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN))
                .andExpect(status().isNoContent());
        assertKeptTotalsAreCounts(org.id(), org.personaId(), second);
        assertThat(repository.count(org.id(), null, second)).isZero();

        // an organisation's deletion (no API deletes one; an operator's SQL) takes its links and counts, failing
        // nothing
        assertThat(jdbc.sql("delete from organizations where id = :org")
                        .param("org", org.id())
                        .update())
                .isOne();
        assertThat(jdbc.sql("select count(*) from share_link_counts where organization_id = :org")
                        .param("org", org.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void assertKeptTotalsAreCounts(UUID org, UUID... personas) {
        long all = jdbc.sql("select count(*) from share_links where organization_id = :org")
                .param("org", org)
                .query(Long.class)
                .single();
        assertThat(repository.count(org, null, null))
                .as("the organisation's total")
                .isEqualTo(all);
        for (UUID persona : personas) {
            long counted = jdbc.sql("select count(*) from share_links where organization_id = :org and persona_id = :p")
                    .param("org", org)
                    .param("p", persona)
                    .query(Long.class)
                    .single();
            assertThat(repository.count(org, null, persona))
                    .as("persona %s", persona)
                    .isEqualTo(counted);
        }
        // a search still counts its matches, and agrees
        assertThat(repository.count(org, "persona", null)).isEqualTo(all);
    }
}
