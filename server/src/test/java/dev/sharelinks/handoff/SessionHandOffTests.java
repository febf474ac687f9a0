package dev.sharelinks.handoff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.sharelinks.support.Grants;
import dev.sharelinks.support.MutableClock;
import dev.sharelinks.support.TestOrganization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A counted use, handed on: the grant proves exactly that use to the organisation's platform, the launch URL says
 * where it leads, keys rotate without breaking a grant in its lifetime, and the Anam hand-off (against a stand-in
 * of Anam's API on this machine, never the real vendor) either gives the page a session token or gives the use
 * back with words a visitor can read.
 */
@SpringBootTest(
        classes = {dev.sharelinks.ShareLinksApplication.class, SessionHandOffTests.Time.class},
        properties = {"sharelinks.anam.timeout=1s"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SessionHandOffTests {

    // real time: the verifier (nimbus) checks expiry against the real clock
    static final MutableClock CLOCK = new MutableClock(Instant.now());
    static WireMockServer anam;

    @TestConfiguration(proxyBeanMethods = false)
    static class Time {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestOrganization org;

    @BeforeAll
    static void aStandInForAnam() {
        anam = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        anam.start();
    }

    @AfterAll
    static void stop() {
        anam.stop();
    }

    @BeforeEach
    void anOrganisation() throws Exception {
        anam.resetAll();
        org = TestOrganization.create(mvc, "Hand-off", false, false);
    }

    @Test
    void everyCountedUseCarriesAGrantThatProvesExactlyThatUse() throws Exception {
        String token = token(link(3));
        for (int use = 1; use <= 3; use++) {
            String session = session(token)
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            JWTClaimsSet claims = Grants.verify(
                    JsonPath.read(session, "$.grant"),
                    jwks(),
                    "https://links.example.test",
                    org.id().toString());
            assertThat(claims.getJWTID()).isEqualTo(JsonPath.read(session, "$.sessionId"));
            assertThat(claims.getSubject()).isEqualTo(org.personaId().toString());
            assertThat(claims.getStringClaim("link_type")).isEqualTo("LINK");
            assertThat(claims.getIntegerClaim("use")).isEqualTo(use);
            assertThat(claims.getClaim("origin")).isNull();
            assertThat(Duration.between(
                            claims.getIssueTime().toInstant(),
                            claims.getExpirationTime().toInstant()))
                    .isEqualTo(Duration.ofMinutes(5));
        }
        // the grant is for this organisation: another audience does not accept it
        String session = session(token(link(1))).andReturn().getResponse().getContentAsString();
        assertThatThrownBy(() -> Grants.verify(
                        JsonPath.read(session, "$.grant"), jwks(), "https://links.example.test", "someone-else"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anEmbedsGrantNamesTheOriginItWasUsedFrom() throws Exception {
        String link = link(5);
        mvc.perform(owner(patch("/v1/share-links/{id}/settings", id(link)))
                        .content("{\"type\": \"PLAYER_EMBED\", \"allowedOrigins\": [\"https://shop.example\"]}"))
                .andExpect(status().isOk());
        // the widget on the customer's page calls the API itself
        String direct = mvc.perform(MockMvcRequestBuilders.post("/v1/public/share-links/{t}/sessions", token(link))
                        .header("Origin", "https://shop.example"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(claims(direct).getStringClaim("origin")).isEqualTo("https://shop.example");
        // the service's own frame says which page embeds it; only an allowed one counts
        String framed = mvc.perform(MockMvcRequestBuilders.post("/v1/public/share-links/{t}/sessions", token(link))
                        .header("Origin", "https://links.example.test")
                        .header("X-Embedding-Origin", "https://shop.example"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(claims(framed).getStringClaim("origin")).isEqualTo("https://shop.example");
        mvc.perform(MockMvcRequestBuilders.post("/v1/public/share-links/{t}/sessions", token(link))
                        .header("Origin", "https://links.example.test")
                        .header("X-Embedding-Origin", "https://evil.example"))
                .andExpect(status().isForbidden());
        assertThat(usageCount(link)).isEqualTo(2);
    }

    @Test
    void theGrantsAudienceAndTheLaunchUrlAreTheOrganisationsToConfigure() throws Exception {
        mvc.perform(
                        TestOrganization.admin(patch("/admin/v1/organizations/{id}", org.id()))
                                .content(
                                        "{\"grantAudience\": \"platform.example\", \"launchUrl\": \"https://app.example/start\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grantAudience").value("platform.example"))
                .andExpect(jsonPath("$.launchUrl").value("https://app.example/start"));
        String link = link(5);
        String session = session(token(link)).andReturn().getResponse().getContentAsString();
        Grants.verify(JsonPath.read(session, "$.grant"), jwks(), "https://links.example.test", "platform.example");
        assertThat(JsonPath.<String>read(session, "$.launchUrl")).isEqualTo("https://app.example/start");
        // the persona's own launch URL wins; the owner reads the effective one
        mvc.perform(TestOrganization.admin(put("/admin/v1/organizations/{o}/personas/{p}", org.id(), org.personaId()))
                        .content("{\"name\": \"Guide\", \"launchUrl\": \"http://localhost:3000/persona?x=1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.launchUrl").value("http://localhost:3000/persona?x=1"));
        mvc.perform(owner(get("/v1/share-links/{id}/settings", id(link))))
                .andExpect(jsonPath("$.launchUrl").value("http://localhost:3000/persona?x=1"));
        session(token(link)).andExpect(jsonPath("$.launchUrl").value("http://localhost:3000/persona?x=1"));
    }

    @Test
    void launchUrlsAreHttpsOrLocalAndAtMostTwoKilobytes() throws Exception {
        for (String bad : List.of(
                "http://app.example/start",
                "ftp://app.example",
                "https://app.example/#frag",
                "/relative",
                "https://user:pw@app.example",
                "https://app.example/" + "x".repeat(2048),
                "javascript:alert(1)")) {
            mvc.perform(TestOrganization.admin(patch("/admin/v1/organizations/{id}", org.id()))
                            .content("{\"launchUrl\": \"" + bad + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("Bad Request"));
            mvc.perform(TestOrganization.admin(
                                    put("/admin/v1/organizations/{o}/personas/{p}", org.id(), org.personaId()))
                            .content("{\"name\": \"Guide\", \"launchUrl\": \"" + bad + "\"}"))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(TestOrganization.admin(get("/admin/v1/organizations/{id}", org.id())))
                .andExpect(jsonPath("$.launchUrl").isEmpty());
    }

    @Test
    void aRotatedKeySignsAtOnceAndTheOldOneLeavesTheKeySetWhenItsGrantsHaveExpired() throws Exception {
        String token = token(link(10));
        String before = JsonPath.read(session(token).andReturn().getResponse().getContentAsString(), "$.grant");
        String oldKid = kid(before);
        String rotated = mvc.perform(
                        TestOrganization.admin(MockMvcRequestBuilders.post("/admin/v1/signing-keys/rotate")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String newKid = JsonPath.read(rotated, "$.kid");
        String after = JsonPath.read(session(token).andReturn().getResponse().getContentAsString(), "$.grant");
        assertThat(kid(after)).isEqualTo(newKid).isNotEqualTo(oldKid);
        // both verify while the old key's grants may still be live
        Grants.verify(before, jwks(), "https://links.example.test", org.id().toString());
        Grants.verify(after, jwks(), "https://links.example.test", org.id().toString());
        mvc.perform(TestOrganization.admin(get("/admin/v1/signing-keys")))
                .andExpect(jsonPath("$[0].kid").value(newKid))
                .andExpect(jsonPath("$[0].status").value("current"));
        assertThat(statusOf(oldKid)).isEqualTo("retired");
        // lifetime (5 min) + key cache (10 s) + a minute of skew later, the old key is gone
        CLOCK.advance(Duration.ofMinutes(6).plusSeconds(11));
        assertThat(jwks()).doesNotContain(oldKid).contains(newKid);
        assertThat(statusOf(oldKid)).isEqualTo("expired");
    }

    @Test
    void theKeySetIsPublicOnlyAndCacheable() throws Exception {
        session(token(link(1)));
        String keys = mvc.perform(get("/.well-known/jwks.json"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=60")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(keys).doesNotContain("\"d\"");
        // in the database the private key is sealed: a backup without the key-encryption key cannot sign
        List<String> sealed = jdbc.sql("select private_jwk_encrypted from signing_keys")
                .query(String.class)
                .list();
        assertThat(sealed)
                .isNotEmpty()
                .allSatisfy(text -> assertThat(text).doesNotContain("\"d\"").startsWith("eyJ"));
    }

    @Test
    void withTheAnamHandOffTheUseCarriesAnamsSessionToken(CapturedOutput output) throws Exception {
        anam.stubFor(post(urlEqualTo("/v1/auth/session-token"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sessionToken\": \"anam-session-token-1\"}")));
        credential("anam_SecretOrgKey_0123456789");
        mvc.perform(TestOrganization.admin(get("/admin/v1/organizations/{id}/anam-credential", org.id())))
                .andExpect(jsonPath("$.configured").value(true))
                .andExpect(jsonPath("$.baseUrl").value(anam.baseUrl()))
                .andExpect(jsonPath("$.apiKey").doesNotExist());
        String link = link(3);
        session(token(link))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.anamSessionToken").value("anam-session-token-1"))
                .andExpect(jsonPath("$.grant").isString());
        anam.verify(postRequestedFor(urlEqualTo("/v1/auth/session-token"))
                .withHeader("Authorization", equalTo("Bearer anam_SecretOrgKey_0123456789"))
                .withRequestBody(equalToJson("{\"personaConfig\": {\"personaId\": \"" + org.personaId() + "\"}}")));
        // the page names exactly the SDK's and the API's origins
        String csp = mvc.perform(get("/share/{t}", token(link)))
                .andReturn()
                .getResponse()
                .getHeader("Content-Security-Policy");
        assertThat(csp)
                .contains("script-src 'self' https://cdn.jsdelivr.net")
                .contains("connect-src 'self' " + anam.baseUrl());
        // stored sealed, never shown, never logged
        assertThat(jdbc.sql("select api_key_encrypted from organization_anam_credentials")
                        .query(String.class)
                        .list())
                .noneMatch(text -> text.contains("anam_SecretOrgKey"));
        assertThat(output.getAll()).doesNotContain("anam_SecretOrgKey_0123456789");
    }

    @Test
    void whenAnamGivesNoTokenTheUseIsGivenBackAndTheVisitorReadsWhy() throws Exception {
        credential("anam_key");
        String link = link(2);
        for (var refusal : List.of(
                List.of("402", "vendor_no_plan", "plan"),
                List.of("429", "vendor_busy", "Try again in a minute"),
                List.of("503", "vendor_no_capacity", "No capacity right now"),
                List.of("500", "vendor_unavailable", "did not answer"))) {
            anam.stubFor(post(urlEqualTo("/v1/auth/session-token"))
                    .willReturn(aResponse().withStatus(Integer.parseInt(refusal.get(0)))));
            session(token(link))
                    .andExpect(status().isBadGateway())
                    .andExpect(jsonPath("$.error").value("Bad Gateway"))
                    .andExpect(jsonPath("$.reason").value(refusal.get(1)))
                    .andExpect(jsonPath("$.message").value(containsString(refusal.get(2))));
            assertThat(usageCount(link)).as(refusal.get(0)).isZero();
        }
        // no answer within the timeout (1 s here, 5 s at most)
        anam.stubFor(post(urlEqualTo("/v1/auth/session-token"))
                .willReturn(
                        aResponse().withStatus(200).withFixedDelay(3_000).withBody("{\"sessionToken\": \"late\"}")));
        session(token(link))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.reason").value("vendor_unavailable"));
        assertThat(usageCount(link)).isZero();
        // and once Anam answers, the uses are all still there
        anam.stubFor(post(urlEqualTo("/v1/auth/session-token"))
                .willReturn(aResponse().withStatus(200).withBody("{\"sessionToken\": \"t\"}")));
        session(token(link))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.remainingUses").value(1));
        session(token(link))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.remainingUses").value(0));
        session(token(link)).andExpect(status().isGone());
    }

    @Test
    void theAnamCredentialIsWriteOnlyAndRemovable() throws Exception {
        mvc.perform(TestOrganization.admin(put("/admin/v1/organizations/{id}/anam-credential", org.id()))
                        .content("{\"apiKey\": \"k\", \"baseUrl\": \"http://api.anam.example\"}"))
                .andExpect(status().isBadRequest());
        credential("anam_key");
        mvc.perform(TestOrganization.admin(delete("/admin/v1/organizations/{id}/anam-credential", org.id())))
                .andExpect(status().isNoContent());
        mvc.perform(TestOrganization.admin(get("/admin/v1/organizations/{id}/anam-credential", org.id())))
                .andExpect(jsonPath("$.configured").value(false));
        mvc.perform(TestOrganization.admin(delete("/admin/v1/organizations/{id}/anam-credential", org.id())))
                .andExpect(status().isNotFound());
        session(token(link(1)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.anamSessionToken").isEmpty());
    }

    // ---------------------------------------------------------------------------------------------------------

    private void credential(String key) throws Exception {
        mvc.perform(TestOrganization.admin(put("/admin/v1/organizations/{id}/anam-credential", org.id()))
                        .content("{\"apiKey\": \"" + key + "\", \"baseUrl\": \"" + anam.baseUrl() + "\"}"))
                .andExpect(status().isOk());
    }

    private String link(int limit) throws Exception {
        return mvc.perform(owner(MockMvcRequestBuilders.post("/v1/share-links"))
                        .content("{\"personaId\": \"" + org.personaId() + "\", \"usageLimit\": " + limit + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private MockHttpServletRequestBuilder owner(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", org.bearer()).contentType(MediaType.APPLICATION_JSON);
    }

    private org.springframework.test.web.servlet.ResultActions session(String token) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/v1/public/share-links/{t}/sessions", token));
    }

    private String jwks() throws Exception {
        return mvc.perform(get("/.well-known/jwks.json"))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private JWTClaimsSet claims(String session) throws Exception {
        return Grants.verify(
                JsonPath.read(session, "$.grant"),
                jwks(),
                "https://links.example.test",
                org.id().toString());
    }

    private String statusOf(String kid) throws Exception {
        String keys = mvc.perform(TestOrganization.admin(get("/admin/v1/signing-keys")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> statuses = JsonPath.read(keys, "$[?(@.kid == '" + kid + "')].status");
        assertThat(statuses).as(keys).hasSize(1);
        return statuses.get(0);
    }

    private static String kid(String grant) throws Exception {
        return com.nimbusds.jwt.SignedJWT.parse(grant).getHeader().getKeyID();
    }

    private static String token(String link) {
        return JsonPath.read(link, "$.token");
    }

    private static String id(String link) {
        return JsonPath.read(link, "$.id");
    }

    private int usageCount(String link) {
        return jdbc.sql("select usage_count from share_links where id = :id")
                .param("id", java.util.UUID.fromString(id(link)))
                .query(Integer.class)
                .single();
    }
}
