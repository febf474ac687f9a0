package dev.sharelinks.admin;

import static dev.sharelinks.support.TestOrganization.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.ShareLinksApplication;
import dev.sharelinks.support.MutableClock;
import dev.sharelinks.support.TestOrganization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The operator's inventory: organisations (paged, searchable), an organisation's keys, personas and results. */
@SpringBootTest(classes = {ShareLinksApplication.class, AdminInventoryTests.Clocks.class})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminInventoryTests {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));

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

    private String read(String path) throws Exception {
        return mvc.perform(admin(get(path)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void organisationsComeAPageAtATimeAndAreFoundByNameOrId() throws Exception {
        String prefix = "Inv" + UUID.randomUUID().toString().substring(0, 8);
        TestOrganization first = TestOrganization.create(mvc, prefix + " Alpha", false, false);
        CLOCK.advance(Duration.ofSeconds(1));
        TestOrganization.create(mvc, prefix + " beta 100%", false, false);
        CLOCK.advance(Duration.ofSeconds(1));
        TestOrganization.create(mvc, prefix + " Gamma_x", false, false);

        String page1 = read("/admin/v1/organizations?perPage=2&search=" + prefix.toLowerCase());
        assertThat((List<String>) JsonPath.read(page1, "$.data[*].name"))
                .containsExactly(prefix + " Alpha", prefix + " beta 100%");
        assertThat((Integer) JsonPath.read(page1, "$.meta.total")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(page1, "$.meta.lastPage")).isEqualTo(2);
        String page2 = read("/admin/v1/organizations?perPage=2&page=2&search=" + prefix);
        assertThat((List<String>) JsonPath.read(page2, "$.data[*].name")).containsExactly(prefix + " Gamma_x");
        // % and _ are letters in a search, not wildcards
        assertThat((List<String>) JsonPath.read(search(prefix + " beta 100%"), "$.data[*].name"))
                .containsExactly(prefix + " beta 100%");
        assertThat((Integer) JsonPath.read(search(prefix + " _"), "$.meta.total"))
                .isZero();
        assertThat((Integer) JsonPath.read(search(prefix + " %"), "$.meta.total"))
                .isZero();
        assertThat((List<String>) JsonPath.read(read("/admin/v1/organizations?search=" + first.id()), "$.data[*].id"))
                .containsExactly(first.id().toString());
        String beyond = read("/admin/v1/organizations?perPage=2&page=9&search=" + prefix);
        assertThat((List<Object>) JsonPath.read(beyond, "$.data")).isEmpty();
        for (String query : List.of("perPage=0", "perPage=101", "page=0", "page=x", "search=" + "s".repeat(201))) {
            mvc.perform(admin(get("/admin/v1/organizations?" + query)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("Bad Request"));
        }
    }

    private String search(String term) throws Exception {
        return mvc.perform(admin(get("/admin/v1/organizations")).param("search", term))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void keysAreListedWithTheirLastUseAndRevocationNeverTheirSecret() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Keyed", false, false);
        String spare = mvc.perform(admin(post("/admin/v1/organizations/{o}/api-keys", org.id()))
                        .content("{\"name\": \"spare\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String spareKey = JsonPath.read(spare, "$.key");
        String keys = read("/admin/v1/organizations/" + org.id() + "/api-keys");
        assertThat(keys).doesNotContain(org.apiKey()).doesNotContain(spareKey);
        assertThat((List<String>) JsonPath.read(keys, "$[*].name")).containsExactlyInAnyOrder("test key", "spare");
        assertThat((List<Object>) JsonPath.read(keys, "$[*].lastUsedAt")).containsOnlyNulls();

        Instant firstUse = CLOCK.instant();
        mvc.perform(get("/v1/share-links").header("Authorization", org.bearer()))
                .andExpect(status().isOk());
        CLOCK.advance(Duration.ofSeconds(30));
        mvc.perform(get("/v1/share-links").header("Authorization", org.bearer()))
                .andExpect(status().isOk());
        assertThat(lastUsedAt(org)).isEqualTo(firstUse); // at most one write a minute
        CLOCK.advance(Duration.ofSeconds(31));
        mvc.perform(get("/v1/share-links").header("Authorization", org.bearer()))
                .andExpect(status().isOk());
        assertThat(lastUsedAt(org)).isEqualTo(firstUse.plusSeconds(61));

        mvc.perform(admin(delete("/admin/v1/organizations/{o}/api-keys/{k}", org.id(), JsonPath.read(spare, "$.id"))))
                .andExpect(status().isNoContent());
        String afterRevoke = read("/admin/v1/organizations/" + org.id() + "/api-keys");
        assertThat((List<String>) JsonPath.read(afterRevoke, "$[?(@.name == 'spare')].revokedAt"))
                .containsExactly(iso(CLOCK.instant()));
        mvc.perform(get("/v1/share-links").header("Authorization", "Bearer " + spareKey))
                .andExpect(status().isUnauthorized());
        mvc.perform(admin(delete("/admin/v1/organizations/{o}/api-keys/{k}", org.id(), JsonPath.read(spare, "$.id"))))
                .andExpect(status().isNotFound());
    }

    private Instant lastUsedAt(TestOrganization org) throws Exception {
        String keys = read("/admin/v1/organizations/" + org.id() + "/api-keys");
        List<String> used = JsonPath.read(keys, "$[?(@.name == 'test key')].lastUsedAt");
        return Instant.parse(used.get(0));
    }

    private static String iso(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
                .withZone(java.time.ZoneOffset.UTC)
                .format(instant);
    }

    @Test
    void personasByNameAndResultsNewestFirst() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Stocked", false, false);
        for (String name : List.of("Zed", "Amy", "Mia")) {
            mvc.perform(admin(put("/admin/v1/organizations/{o}/personas/{p}", org.id(), UUID.randomUUID()))
                            .content("{\"name\": \"" + name + "\"}"))
                    .andExpect(status().isOk());
        }
        String personas = read("/admin/v1/organizations/" + org.id() + "/personas?perPage=3");
        assertThat((List<String>) JsonPath.read(personas, "$.data[*].name"))
                .containsExactly("Amy", "Mia", "Stocked persona");
        assertThat((Integer) JsonPath.read(personas, "$.meta.total")).isEqualTo(4);
        int base = 700_000 + (int) (Math.random() * 100_000);
        for (int id : new int[] {base, base + 2, base + 1}) {
            mvc.perform(admin(put("/admin/v1/organizations/{o}/results/{r}", org.id(), id))
                            .content("{\"n\": 1}"))
                    .andExpect(status().isOk());
        }
        String results = read("/admin/v1/organizations/" + org.id() + "/results");
        assertThat((List<Integer>) JsonPath.read(results, "$.data[*].id")).containsExactly(base + 2, base + 1, base);
        assertThat(results).doesNotContain("\"n\"");
        TestOrganization other = TestOrganization.create(mvc, "Unstocked", false, false);
        assertThat((Integer) JsonPath.read(read("/admin/v1/organizations/" + other.id() + "/results"), "$.meta.total"))
                .isZero();
        mvc.perform(admin(get("/admin/v1/organizations/{o}/personas", UUID.randomUUID())))
                .andExpect(status().isNotFound());
    }
}
