package dev.sharelinks.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.MutableClock;
import dev.sharelinks.support.TestOrganization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Ended links stay readable by their owners for the retention period (10 days here), then the purge removes
 * them, and only them. The clock is moved by hand; the purge is called as the scheduler calls it.
 */
@SpringBootTest(properties = {"sharelinks.retention.period=10d", "sharelinks.retention.purge-interval=1000d"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RetentionPurgeTests {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-01T12:00:00Z"));

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    RetentionPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Test
    void endedLinksStayReadableForTheRetentionPeriodThenArePurged() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Retained", false, true);
        String expiring = link(org, "{\"personaId\": \"%s\", \"expiresInHours\": 1}");
        String usedUp = link(org, "{\"personaId\": \"%s\", \"usageLimit\": 1, \"expiresInHours\": 87600}");
        String live = link(org, "{\"personaId\": \"%s\", \"usageLimit\": 5, \"expiresInHours\": 87600}");
        String renewed = link(org, "{\"personaId\": \"%s\", \"expiresInHours\": 1}");
        mvc.perform(post("/v1/public/share-links/{t}/sessions", token(org, usedUp)))
                .andExpect(status().isCreated());
        mvc.perform(post("/v1/public/share-links/{t}/sessions", token(org, live)))
                .andExpect(status().isCreated());
        mvc.perform(put("/admin/v1/organizations/{o}/results/{r}", org.id(), 8101)
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ok\": true}"))
                .andExpect(status().isOk());
        mvc.perform(post("/test_framework/v1/results/{r}/create_shareable_link_token/", 8101)
                        .header("X-CEKURA-API-KEY", org.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expire_at\": \"2026-05-02T12:00:00Z\"}"))
                .andExpect(status().isOk());

        CLOCK.advance(Duration.ofDays(9));
        assertThat(purge.purge()).isEqualTo(new RetentionPurge.Purged(0, 0, 0, 0));
        // ended, but within the retention period: the owner still reads counts and last use
        mvc.perform(get("/v1/share-links/{id}/settings", usedUp).header("Authorization", org.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usageCount").value(1))
                .andExpect(jsonPath("$.lastUsedAt").isString());
        mvc.perform(get("/v1/share-links/{id}", expiring).header("Authorization", org.bearer()))
                .andExpect(status().isOk());
        // the owner renews one of the expired links: it is not ended any more
        mvc.perform(put("/v1/share-links/{id}", renewed)
                        .header("Authorization", org.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expiresInHours\": 720}"))
                .andExpect(status().isOk());

        CLOCK.advance(Duration.ofDays(2));
        assertThat(purge.purge()).isEqualTo(new RetentionPurge.Purged(2, 1, 0, 0));
        for (String gone : List.of(expiring, usedUp)) {
            mvc.perform(get("/v1/share-links/{id}", gone).header("Authorization", org.bearer()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/v1/share-links/{id}/settings", gone).header("Authorization", org.bearer()))
                    .andExpect(status().isNotFound());
        }
        for (String kept : List.of(live, renewed)) {
            mvc.perform(get("/v1/share-links/{id}", kept).header("Authorization", org.bearer()))
                    .andExpect(status().isOk());
        }
        assertThat(jdbc.sql("select count(*) from result_share_tokens t join results r on r.id = t.result_id "
                                + "where r.organization_id = :org")
                        .param("org", org.id())
                        .query(Long.class)
                        .single())
                .isZero();

        String trail = mvc.perform(get("/admin/v1/audit-events")
                        .param("organizationId", org.id().toString())
                        .param("action", "share_link.purged")
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(trail, "$.items[*].target.id"))
                .containsExactlyInAnyOrder(expiring, usedUp);
        assertThat(JsonPath.<List<String>>read(trail, "$.items[*].actor.type")).containsOnly("system");

        // nothing left to purge: a second run changes nothing
        assertThat(purge.purge()).isEqualTo(new RetentionPurge.Purged(0, 0, 0, 0));
    }

    private String link(TestOrganization org, String body) throws Exception {
        return JsonPath.read(
                mvc.perform(post("/v1/share-links")
                                .header("Authorization", org.bearer())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body.formatted(org.personaId())))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    private String token(TestOrganization org, String id) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/v1/share-links/{id}", id).header("Authorization", org.bearer()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.token");
    }
}
