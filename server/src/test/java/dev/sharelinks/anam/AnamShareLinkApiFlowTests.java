package dev.sharelinks.anam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.platform.SecretTokens;
import dev.sharelinks.support.TestOrganization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The Anam share-link API end to end: HTTP in, database out. Subclasses run it on H2 and on PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class AnamShareLinkApiFlowTests {

    private static final String TOKEN_PATTERN = "sh_[0-9A-Za-z]{22}";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestOrganization acme;
    TestOrganization globex;

    @BeforeEach
    void organizations() throws Exception {
        acme = TestOrganization.create(mvc, "Acme", false, false);
        globex = TestOrganization.create(mvc, "Globex", false, false);
    }

    @Test
    void createAppliesTheVendorDefaults() throws Exception {
        Instant before = Instant.now();
        String body = create(acme, "{\"personaId\": \"" + acme.personaId() + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").value(matchesPattern(TOKEN_PATTERN)))
                .andExpect(jsonPath("$.type").value("LINK"))
                .andExpect(jsonPath("$.usageLimit").value(10))
                .andExpect(jsonPath("$.usageCount").value(0))
                .andExpect(jsonPath("$.allowedOrigins", hasSize(0)))
                .andExpect(jsonPath("$.allowAllOrigins").value(false))
                .andExpect(jsonPath("$.removeWatermark").value(false))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.isPrimary").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Instant createdAt = Instant.parse(JsonPath.read(body, "$.createdAt"));
        Instant expiresAt = Instant.parse(JsonPath.read(body, "$.expiresAt"));
        assertThat(createdAt).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(Duration.between(createdAt, expiresAt)).isEqualTo(Duration.ofHours(168));
        assertThat((String) JsonPath.read(body, "$.createdAt"))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void createHonoursLifetimeAndLimit() throws Exception {
        String body = create(acme, """
                {"personaId": "%s", "expiresInHours": 1.5, "usageLimit": 3}""".formatted(acme.personaId()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.usageLimit").value(3))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Duration.between(
                        Instant.parse(JsonPath.read(body, "$.createdAt")),
                        Instant.parse(JsonPath.read(body, "$.expiresAt"))))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void tokensAreUniqueAndUrlSafe() throws Exception {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(JsonPath.read(
                    create(acme, "{\"personaId\": \"" + acme.personaId() + "\"}")
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                    "$.token"));
        }
        assertThat(tokens).hasSize(20).allMatch(t -> t.matches(TOKEN_PATTERN));
    }

    @Test
    void anotherOrganisationsPersonaIsNotFound() throws Exception {
        create(acme, "{\"personaId\": \"" + globex.personaId() + "\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("Not Found"))
                .andExpect(jsonPath("$.message").value("Persona not found"));
        create(acme, "{\"personaId\": \"" + UUID.randomUUID() + "\"}").andExpect(status().isNotFound());
    }

    @Test
    void updateChangesOnlyWhatIsGivenAndRenewsFromNow() throws Exception {
        String created = createLink(acme, "{\"personaId\": \"%s\", \"expiresInHours\": 1, \"usageLimit\": 5}");
        String id = JsonPath.read(created, "$.id");
        String expiresAt = JsonPath.read(created, "$.expiresAt");

        mvc.perform(put("/v1/share-links/{id}", id)
                        .header("Authorization", acme.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"usageLimit\": 50}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usageLimit").value(50))
                .andExpect(jsonPath("$.expiresAt").value(expiresAt));

        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String renewed = mvc.perform(put("/v1/share-links/{id}", id)
                        .header("Authorization", acme.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expiresInHours\": 24}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usageLimit").value(50))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Instant newExpiry = Instant.parse(JsonPath.read(renewed, "$.expiresAt"));
        assertThat(newExpiry)
                .isBetween(
                        before.plus(Duration.ofHours(24)),
                        Instant.now().plus(Duration.ofHours(24)).plusSeconds(1));

        mvc.perform(put("/v1/share-links/{id}", id)
                        .header("Authorization", acme.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usageLimit").value(50));
    }

    @Test
    void anotherOrganisationsLinkIsNotFoundForEveryOperation() throws Exception {
        String id = JsonPath.read(createLink(globex, "{\"personaId\": \"%s\"}"), "$.id");
        mvc.perform(get("/v1/share-links/{id}", id).header("Authorization", acme.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(put("/v1/share-links/{id}", id)
                        .header("Authorization", acme.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"usageLimit\": 1}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.message").value("Share link not found"));
        mvc.perform(delete("/v1/share-links/{id}", id).header("Authorization", acme.bearer()))
                .andExpect(status().isNotFound());
        // unchanged for its owner
        mvc.perform(get("/v1/share-links/{id}", id).header("Authorization", globex.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usageLimit").value(10));
    }

    @Test
    void getReturnsThePersonaAndOrganisation() throws Exception {
        String id = JsonPath.read(createLink(acme, "{\"personaId\": \"%s\"}"), "$.id");
        // a rename after issue does not change the name the link was issued under
        mvc.perform(put("/admin/v1/organizations/{org}/personas/{persona}", acme.id(), acme.personaId())
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Renamed\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/v1/share-links/{id}", id).header("Authorization", acme.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.personaId").value(acme.personaId().toString()))
                .andExpect(jsonPath("$.personaName").value(acme.personaName()))
                .andExpect(jsonPath("$.organizationId").value(acme.id().toString()));
    }

    @Test
    void listPagesFiltersAndSearches() throws Exception {
        UUID second = UUID.randomUUID();
        mvc.perform(put("/admin/v1/organizations/{org}/personas/{persona}", acme.id(), second)
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Sales_Bot 100%\"}"))
                .andExpect(status().isOk());
        for (int i = 0; i < 5; i++) {
            createLink(acme, "{\"personaId\": \"%s\"}");
        }
        String lastCreated = createLink(acme, "{\"personaId\": \"" + second + "\"}");
        createLink(globex, "{\"personaId\": \"%s\"}");

        mvc.perform(get("/v1/share-links").param("perPage", "4").header("Authorization", acme.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data", hasSize(4)))
                .andExpect(jsonPath("$.data[0].id").value((String) JsonPath.read(lastCreated, "$.id")))
                .andExpect(jsonPath("$.meta.total").value(6))
                .andExpect(jsonPath("$.meta.lastPage").value(2))
                .andExpect(jsonPath("$.meta.currentPage").value(1))
                .andExpect(jsonPath("$.meta.perPage").value(4))
                .andExpect(jsonPath("$.meta.prev").value(nullValue()))
                .andExpect(jsonPath("$.meta.next").value(2));
        mvc.perform(get("/v1/share-links")
                        .param("perPage", "4")
                        .param("page", "2")
                        .header("Authorization", acme.bearer()))
                .andExpect(jsonPath("$.data", hasSize(2)))
                .andExpect(jsonPath("$.meta.prev").value(1))
                .andExpect(jsonPath("$.meta.next").value(nullValue()));
        // the pages together are the whole list in its order, each link once
        List<String> pages = new ArrayList<>();
        for (String page : List.of("1", "2")) {
            pages.addAll(JsonPath.read(
                    mvc.perform(get("/v1/share-links")
                                    .param("perPage", "4")
                                    .param("page", page)
                                    .header("Authorization", acme.bearer()))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                    "$.data[*].id"));
        }
        List<String> whole = JsonPath.read(
                mvc.perform(get("/v1/share-links").param("perPage", "100").header("Authorization", acme.bearer()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.data[*].id");
        assertThat(pages).hasSize(6).doesNotHaveDuplicates().isEqualTo(whole);
        mvc.perform(get("/v1/share-links").param("personaId", second.toString()).header("Authorization", acme.bearer()))
                .andExpect(jsonPath("$.meta.total").value(1))
                .andExpect(jsonPath("$.data", hasSize(1)))
                .andExpect(jsonPath("$.data[0].personaName").value("Sales_Bot 100%"));
        // LIKE wildcards in the search term are taken literally
        mvc.perform(get("/v1/share-links").param("search", "bot 100%").header("Authorization", acme.bearer()))
                .andExpect(jsonPath("$.meta.total").value(1));
        mvc.perform(get("/v1/share-links").param("search", "s_b").header("Authorization", acme.bearer()))
                .andExpect(jsonPath("$.meta.total").value(1));
        String token = JsonPath.read(lastCreated, "$.token");
        mvc.perform(get("/v1/share-links").param("search", token).header("Authorization", acme.bearer()))
                .andExpect(jsonPath("$.meta.total").value(1));
        mvc.perform(get("/v1/share-links").param("page", "9").header("Authorization", acme.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data", hasSize(0)))
                .andExpect(jsonPath("$.meta.total").value(6));
    }

    @Test
    void deleteRemovesTheLink() throws Exception {
        String id = JsonPath.read(createLink(acme, "{\"personaId\": \"%s\"}"), "$.id");
        mvc.perform(delete("/v1/share-links/{id}", id).header("Authorization", acme.bearer()))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"message\": \"Share link deleted successfully\"}"));
        mvc.perform(get("/v1/share-links/{id}", id).header("Authorization", acme.bearer()))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/v1/share-links/{id}", id).header("Authorization", acme.bearer()))
                .andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"personaId\": \"%s\", \"usageLimit\": 1.5}",
                "{\"personaId\": \"%s\", \"usageLimit\": 0}",
                "{\"personaId\": \"%s\", \"usageLimit\": -3}",
                "{\"personaId\": \"%s\", \"usageLimit\": \"10\"}",
                "{\"personaId\": \"%s\", \"usageLimit\": 1e12}",
                "{\"personaId\": \"%s\", \"expiresInHours\": 0}",
                "{\"personaId\": \"%s\", \"expiresInHours\": -1}",
                "{\"personaId\": \"%s\", \"expiresInHours\": 87601}",
                "{\"personaId\": \"%s\", \"expiresInHours\": true}",
                // the vendor's schema says number, not null (#21): null is a wrong type, not "left out"
                "{\"personaId\": \"%s\", \"expiresInHours\": null}",
                "{\"personaId\": \"%s\", \"usageLimit\": null}",
                "{\"personaId\": \"not-a-uuid%s\"}",
                "{\"personaId\": 12}",
                "{}",
                "{\"personaId\": \"%s\"",
                "[]",
                "",
                "{\"personaId\": \"%s\"} trailing"
            })
    void badCreateBodiesAre400InTheVendorShape(String template) throws Exception {
        long before = countLinks();
        create(acme, template.formatted(acme.personaId()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.error").value("Bad Request"))
                .andExpect(jsonPath("$.message").isString());
        assertThat(countLinks()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"usageLimit\": 2.5}",
                "{\"expiresInHours\": 0}",
                "{\"usageLimit\": \"x\"}",
                "{",
                "{\"usageLimit\": null}",
                "{\"expiresInHours\": null}"
            })
    void badUpdatesAre400AndChangeNothing(String body) throws Exception {
        String id = JsonPath.read(createLink(acme, "{\"personaId\": \"%s\", \"usageLimit\": 7}"), "$.id");
        mvc.perform(put("/v1/share-links/{id}", id)
                        .header("Authorization", acme.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Bad Request"));
        mvc.perform(get("/v1/share-links/{id}", id).header("Authorization", acme.bearer()))
                .andExpect(jsonPath("$.usageLimit").value(7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "page=-1", "page=x", "perPage=0", "perPage=101", "perPage=1.5", "personaId=nope"})
    void badQueriesAre400(String query) throws Exception {
        mvc.perform(get("/v1/share-links?" + query).header("Authorization", acme.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Bad Request"))
                .andExpect(jsonPath("$.message").isString());
    }

    @Test
    void pathIdThatIsNotAUuidIs400() throws Exception {
        mvc.perform(get("/v1/share-links/not-a-uuid").header("Authorization", acme.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("UUID")));
        mvc.perform(delete("/v1/share-links/123").header("Authorization", acme.bearer()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void wrongMethodAndContentTypeGetTheirStatuses() throws Exception {
        mvc.perform(patch("/v1/share-links").header("Authorization", acme.bearer()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error").value("Method Not Allowed"));
        mvc.perform(post("/v1/share-links")
                        .header("Authorization", acme.bearer())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("Unsupported Media Type"));
    }

    @Test
    void missingWrongAndRevokedKeysAre401() throws Exception {
        mvc.perform(get("/v1/share-links"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("Unauthorized"))
                .andExpect(jsonPath("$.message").value("Missing API key"));
        mvc.perform(get("/v1/share-links").header("Authorization", "Bearer sk_wrong"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("Invalid API key"));
        mvc.perform(get("/v1/share-links").header("Authorization", "Basic " + acme.apiKey()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/v1/share-links").header("Authorization", acme.bearer()))
                .andExpect(status().isOk());

        mvc.perform(delete("/admin/v1/organizations/{org}/api-keys/{key}", acme.id(), acme.apiKeyId())
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN))
                .andExpect(status().isNoContent());
        mvc.perform(get("/v1/share-links").header("Authorization", acme.bearer()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void apiKeysAreStoredOnlyAsHashes() {
        var stored = jdbc.sql("select key_hash from api_keys where id = :id")
                .param("id", acme.apiKeyId())
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(SecretTokens.sha256(acme.apiKey())).doesNotContain(acme.apiKey());
        long plain = jdbc.sql("select count(*) from api_keys where key_hash = :key or name = :key")
                .param("key", acme.apiKey())
                .query(Long.class)
                .single();
        assertThat(plain).isZero();
    }

    @Test
    void deletingAPersonaDeletesItsLinks() throws Exception {
        String id = JsonPath.read(createLink(acme, "{\"personaId\": \"%s\"}"), "$.id");
        mvc.perform(delete("/admin/v1/organizations/{org}/personas/{persona}", acme.id(), acme.personaId())
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN))
                .andExpect(status().isNoContent());
        mvc.perform(get("/v1/share-links/{id}", id).header("Authorization", acme.bearer()))
                .andExpect(status().isNotFound());
    }

    /** PostgreSQL refuses NUL in text, H2 does not: either way it is the caller's mistake, never a 500. */
    @Test
    void nulCharactersAreRefusedNotStored() throws Exception {
        mvc.perform(get("/v1/share-links").param("search", "a\u0000b").header("Authorization", acme.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Bad Request"));
        mvc.perform(put("/admin/v1/organizations/{org}/personas/{persona}", acme.id(), UUID.randomUUID())
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"bad\\u0000name\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("NUL")));
        mvc.perform(post("/admin/v1/organizations/{org}/api-keys", acme.id())
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"\\u0000\"}"))
                .andExpect(status().isBadRequest());
        // Spring Security's firewall refuses an encoded NUL in any URL
        mvc.perform(get("/v1/public/share-links/{t}", "sh_\u0000")).andExpect(status().isBadRequest());
    }

    private ResultActions create(TestOrganization org, String body) throws Exception {
        return mvc.perform(post("/v1/share-links")
                .header("Authorization", org.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private String createLink(TestOrganization org, String template) throws Exception {
        return create(org, template.formatted(org.personaId()))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long countLinks() {
        return jdbc.sql("select count(*) from share_links").query(Long.class).single();
    }
}
