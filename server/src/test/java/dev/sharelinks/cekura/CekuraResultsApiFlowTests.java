package dev.sharelinks.cekura;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.platform.SecretTokens;
import dev.sharelinks.support.CekuraFixtures;
import dev.sharelinks.support.TestOrganization;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** Cekura shareable result links end to end. Subclasses run it on H2 and on PostgreSQL. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class CekuraResultsApiFlowTests {

    private static final String DOCUMENT = """
            {"status": "passed", "score": 0.9300000000000000001, "calls": [{"id": 1, "note": "<b>ok</b>"}]}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** Whole seconds, some weeks ahead: within the 365-day maximum. */
    static final Instant IN_30_DAYS = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

    static final Instant IN_60_DAYS = IN_30_DAYS.plus(Duration.ofDays(30));

    TestOrganization branded;
    TestOrganization plain;
    TestOrganization unpaid;
    int result;

    @BeforeEach
    void organisations() throws Exception {
        branded = TestOrganization.create(mvc, "Branded", false, true, "reports.branded.example");
        plain = TestOrganization.create(mvc, "Plain", false, true);
        unpaid = TestOrganization.create(mvc, "Unpaid", false, false);
        result = CekuraFixtures.storeResult(mvc, branded.id(), DOCUMENT);
    }

    @Test
    void createWithJsonBodyGivesABrandedLinkAndStoresOnlyAHash() throws Exception {
        String body = create(branded, result, "results", json("{\"expire_at\": \"" + IN_30_DAYS + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token").value(matchesPattern("[0-9A-Za-z]{32}")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(body, "$.token");
        assertThat((String) JsonPath.read(body, "$.shareable_link"))
                .isEqualTo("https://links.example.test/share/result/" + result + "/" + token);
        assertThat((String) JsonPath.read(body, "$.custom_link"))
                .isEqualTo("https://reports.branded.example/share/result/" + result + "/" + token);
        assertThat((Boolean) JsonPath.read(body, "$.custom_domain")).isTrue();

        var stored = jdbc.sql("select token_hash, expire_at from result_share_tokens where result_id = :id")
                .param("id", result)
                .query((rs, row) -> new Object[] {
                    rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()
                })
                .single();
        assertThat(stored[0]).isEqualTo(SecretTokens.sha256(token));
        assertThat(stored[1]).isEqualTo(IN_30_DAYS);
        assertThat(jdbc.sql("select count(*) from result_share_tokens where token_hash = :t")
                        .param("t", token)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void withoutACustomDomainThereIsNoBrandedLink() throws Exception {
        int own = CekuraFixtures.storeResult(mvc, plain.id(), "{}");
        create(plain, own, "results-external", json("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shareable_link").value(containsString("/share/result/" + own + "/")))
                .andExpect(jsonPath("$.custom_link").doesNotExist())
                .andExpect(jsonPath("$.custom_domain").doesNotExist());
    }

    @Test
    void formMultipartAndEmptyBodiesWorkToo() throws Exception {
        create(
                        branded,
                        result,
                        "results",
                        form("expire_at=" + IN_30_DAYS.toString().replace(":", "%3A")))
                .andExpect(status().isOk());
        create(branded, result, "results-external", multipartField("expire_at", IN_60_DAYS.toString()))
                .andExpect(status().isOk());
        create(branded, result, "results", none()).andExpect(status().isOk());
        create(branded, result, "results", form("")).andExpect(status().isOk());
        var expiries = jdbc.sql("select expire_at from result_share_tokens where result_id = :id order by created_at")
                .param("id", result)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();
        assertThat(expiries).contains(IN_30_DAYS, IN_60_DAYS);
        // no expire_at: seven days
        Instant week = Instant.now().plus(Duration.ofDays(7));
        assertThat(expiries.get(expiries.size() - 1)).isBetween(week.minusSeconds(30), week.plusSeconds(30));
    }

    @Test
    void anExpiryWithoutOffsetIsUtc() throws Exception {
        String naive = IN_30_DAYS.toString().replace("Z", "");
        create(branded, result, "results", json("{\"expire_at\": \"" + naive + "\"}"))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from result_share_tokens where result_id = :id and expire_at = :at")
                        .param("id", result)
                        .param("at", IN_30_DAYS.atOffset(java.time.ZoneOffset.UTC))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"expire_at\": \"tomorrow\"}",
                "{\"expire_at\": \"2001-01-01T00:00:00Z\"}",
                "{\"expire_at\": \"2999-01-01T00:00:00Z\"}",
                "{\"expire_at\": 17}",
                "{\"expire_at\": \"2030-13-01T00:00:00Z\"}"
            })
    void badExpiriesAre400OnTheField(String body) throws Exception {
        create(branded, result, "results", json(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.expire_at[0]").isString());
        assertThat(tokenCount()).isZero();
    }

    @Test
    void badExpiryInAFormIs400Too() throws Exception {
        create(branded, result, "results-external", form("expire_at=yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.expire_at[0]").value(containsString("wrong format")));
    }

    @Test
    void malformedJsonIsADetail400() throws Exception {
        create(branded, result, "results", json("{\"expire_at\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").isString());
    }

    @Test
    void planWithoutWhitelabelReportsIs403() throws Exception {
        int own = CekuraFixtures.storeResult(mvc, unpaid.id(), "{}");
        create(unpaid, own, "results", json("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("whitelabel")));
    }

    @Test
    void unknownOrOtherOrganisationsResultIs404() throws Exception {
        create(plain, result, "results", json("{}"))
                .andExpect(status().isNotFound())
                .andExpect(content().json("{\"detail\": \"Not found.\"}"));
        create(branded, 999_999_999, "results-external", json("{}")).andExpect(status().isNotFound());
        mvc.perform(get("/test_framework/v1/results/{id}/", result).header("X-CEKURA-API-KEY", plain.apiKey()))
                .andExpect(status().isNotFound());
    }

    /** DRF looks the result up by whatever the path holds: a non-integer id finds nothing (#21: was a 400). */
    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "99999999999", "1e3"})
    void aResultIdThatIsNotAnIntegerIsA404LikeAnyUnknownId(String id) throws Exception {
        for (String collection : List.of("results", "results-external")) {
            mvc.perform(post("/test_framework/v1/" + collection + "/" + id + "/create_shareable_link_token/")
                            .header("X-CEKURA-API-KEY", branded.apiKey()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().json("{\"detail\": \"Not found.\"}", true));
            mvc.perform(get("/test_framework/v1/" + collection + "/" + id + "/")
                            .header("X-CEKURA-API-KEY", branded.apiKey()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().json("{\"detail\": \"Not found.\"}", true));
        }
        // authentication still comes first, as DRF's permission checks come before its lookup
        mvc.perform(get("/test_framework/v1/results/" + id + "/")).andExpect(status().isUnauthorized());
    }

    @Test
    void missingOrWrongKeyIs401InDrfShape() throws Exception {
        mvc.perform(post("/test_framework/v1/results/{id}/create_shareable_link_token/", result))
                .andExpect(status().isUnauthorized())
                .andExpect(content().json("{\"detail\": \"Authentication credentials were not provided.\"}"));
        mvc.perform(post("/test_framework/v1/results/{id}/create_shareable_link_token/", result)
                        .header("X-CEKURA-API-KEY", "sk_nope"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().json("{\"detail\": \"Invalid API key.\"}"));
        // the Anam header is not the Cekura one
        mvc.perform(post("/test_framework/v1/results/{id}/create_shareable_link_token/", result)
                        .header("Authorization", branded.bearer()))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void ownerReadsTheDocumentExactlyAsStored() throws Exception {
        for (String path : new String[] {"results", "results-external"}) {
            String body = mvc.perform(get("/test_framework/v1/{path}/{id}/", path, result)
                            .header("X-CEKURA-API-KEY", branded.apiKey()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(body).contains("0.9300000000000000001").contains("\"status\":\"passed\"");
        }
    }

    @Test
    void aTokenReadsItsResultOnlyAndOnlyUntilItExpires() throws Exception {
        String token = token(branded, result);
        int other = CekuraFixtures.storeResult(mvc, branded.id(), "{\"other\": true}");
        mvc.perform(get("/test_framework/v1/results-external/{id}/", result)
                        .header("X-VOCERA-SHAREABLE-LINK-TOKEN", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("passed"));
        mvc.perform(get("/test_framework/v1/results/{id}/", other).header("X-VOCERA-SHAREABLE-LINK-TOKEN", token))
                .andExpect(status().isNotFound());
        // a token does not open anything but reads
        mvc.perform(post("/test_framework/v1/results/{id}/create_shareable_link_token/", result)
                        .header("X-VOCERA-SHAREABLE-LINK-TOKEN", token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/test_framework/v1/results/{id}/", result).header("X-VOCERA-SHAREABLE-LINK-TOKEN", "nope"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").isString());

        expireTokensOf(result);
        mvc.perform(get("/test_framework/v1/results/{id}/", result).header("X-VOCERA-SHAREABLE-LINK-TOKEN", token))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("expired")));
    }

    @Test
    void deletingTheResultStopsItsTokens() throws Exception {
        String token = token(branded, result);
        mvc.perform(delete("/admin/v1/organizations/{org}/results/{id}", branded.id(), result)
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN))
                .andExpect(status().isNoContent());
        mvc.perform(get("/test_framework/v1/results/{id}/", result).header("X-VOCERA-SHAREABLE-LINK-TOKEN", token))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/share/result/{id}/{token}", result, token)).andExpect(status().isNotFound());
    }

    @Test
    void theSharePageShowsTheResultEscapedAndUncached() throws Exception {
        String token = token(branded, result);
        mvc.perform(get("/share/result/{id}/{token}", result, token))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(content().string(containsString("&lt;b&gt;ok&lt;/b&gt;")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<b>ok</b>"))))
                .andExpect(content().string(containsString("passed")));
        mvc.perform(get("/share/result/{id}/{token}", result + 1, token)).andExpect(status().isNotFound());
        mvc.perform(get("/share/result/abc/{token}", token)).andExpect(status().isNotFound());
        expireTokensOf(result);
        mvc.perform(get("/share/result/{id}/{token}", result, token))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("expired")));
    }

    @Test
    void operatorResultsBelongToOneOrganisation() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/admin/v1/organizations/{org}/results/{id}", plain.id(), result)
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isConflict());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/admin/v1/organizations/{org}/results/{id}", branded.id(), result)
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[1, 2]"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/test_framework/v1/results/{id}/", result).header("X-CEKURA-API-KEY", branded.apiKey()))
                .andExpect(jsonPath("$.status").value("passed"));
    }

    private String token(TestOrganization org, int id) throws Exception {
        return JsonPath.read(
                create(org, id, "results", json("{}"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.token");
    }

    private void expireTokensOf(int id) {
        jdbc.sql("update result_share_tokens set expire_at = :past where result_id = :id")
                .param("past", OffsetDateTime.now().minus(1, ChronoUnit.SECONDS))
                .param("id", id)
                .update();
    }

    private long tokenCount() {
        return jdbc.sql("select count(*) from result_share_tokens where result_id = :id")
                .param("id", result)
                .query(Long.class)
                .single();
    }

    /** How the create operation's body is sent: JSON, form, multipart or none. */
    interface Body {
        AbstractMockHttpServletRequestBuilder<?> to(String url);
    }

    private static Body json(String body) {
        return url -> post(url).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static Body form(String body) {
        return url ->
                post(url).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body);
    }

    private static Body multipartField(String name, String value) {
        return url -> multipart(url).param(name, value);
    }

    private static Body none() {
        return url -> post(url);
    }

    /** Calls the create operation at one of its two paths ("results" or "results-external"). */
    private ResultActions create(TestOrganization org, int id, String collection, Body body) throws Exception {
        String url = "/test_framework/v1/" + collection + "/" + id + "/create_shareable_link_token/";
        return mvc.perform(body.to(url).header("X-CEKURA-API-KEY", org.apiKey()));
    }
}
