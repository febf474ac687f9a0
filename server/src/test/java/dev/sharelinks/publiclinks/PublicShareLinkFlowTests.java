package dev.sharelinks.publiclinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.TestOrganization;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Share links that work: status, counted uses, states, origins, owner settings, rotation, pages. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class PublicShareLinkFlowTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    TestOrganization org;
    TestOrganization premium;

    @BeforeEach
    void organisations() throws Exception {
        org = TestOrganization.create(mvc, "Public", false, false);
        premium = TestOrganization.create(mvc, "Premium", true, false);
    }

    @Test
    void readingStatusNeverConsumesAUse() throws Exception {
        String token = token(link(org, 3));
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/v1/public/share-links/{t}", token))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.personaId").value(org.personaId().toString()))
                    .andExpect(jsonPath("$.personaName").value(org.personaName()))
                    .andExpect(jsonPath("$.type").value("LINK"))
                    .andExpect(jsonPath("$.removeWatermark").value(false))
                    .andExpect(jsonPath("$.usageLimit").value(3))
                    .andExpect(jsonPath("$.usageCount").value(0))
                    .andExpect(jsonPath("$.remainingUses").value(3));
        }
        mvc.perform(get("/share/{t}", token)).andExpect(status().isOk());
        mvc.perform(get("/frame/{t}", token)).andExpect(status().isOk());
        assertThat(storedCount(token)).isZero();
    }

    @Test
    void eachSessionConsumesExactlyOneUseUntilUsedUp() throws Exception {
        String link = link(org, 2);
        String token = token(link);
        session(token)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sessionId").isString())
                .andExpect(jsonPath("$.personaName").value(org.personaName()))
                .andExpect(jsonPath("$.usageCount").value(1))
                .andExpect(jsonPath("$.remainingUses").value(1));
        session(token)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.remainingUses").value(0));
        session(token)
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.error").value("Gone"))
                .andExpect(jsonPath("$.reason").value("exhausted"))
                .andExpect(jsonPath("$.message").isString());
        mvc.perform(get("/v1/public/share-links/{t}", token))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.reason").value("exhausted"));
        assertThat(storedCount(token)).isEqualTo(2);
        assertThat(jdbc.sql("select last_used_at from share_links where token = :t")
                        .param("t", token)
                        .query(OffsetDateTime.class)
                        .single())
                .isNotNull();
        mvc.perform(get("/share/{t}", token))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("used as many times")));
    }

    @Test
    void expiredLinksAreGone() throws Exception {
        String token = token(link(org, 5));
        jdbc.sql("update share_links set expires_at = :past where token = :t")
                .param("past", OffsetDateTime.now().minusMinutes(1))
                .param("t", token)
                .update();
        session(token)
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.reason").value("expired"));
        mvc.perform(get("/v1/public/share-links/{t}", token))
                .andExpect(jsonPath("$.reason").value("expired"));
        mvc.perform(get("/share/{t}", token))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("expired")));
        assertThat(storedCount(token)).isZero();
    }

    @Test
    void ownersCanSwitchALinkOffAndOnAtOnce() throws Exception {
        String link = link(org, 5);
        String token = token(link);
        settings(org, link, "{\"enabled\": false}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        session(token)
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.reason").value("disabled"));
        mvc.perform(get("/frame/{t}", token))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("switched off")));
        settings(org, link, "{\"enabled\": true}").andExpect(status().isOk());
        session(token).andExpect(status().isCreated());
        // a disabled link says disabled even when also expired
        jdbc.sql("update share_links set expires_at = :past, enabled = false where token = :t")
                .param("past", OffsetDateTime.now().minusMinutes(1))
                .param("t", token)
                .update();
        session(token).andExpect(jsonPath("$.reason").value("disabled"));
    }

    @Test
    void unknownTokensAreNotFound() throws Exception {
        session("sh_doesNotExist0000000000")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("Not Found"));
        mvc.perform(get("/v1/public/share-links/{t}", "x".repeat(300))).andExpect(status().isNotFound());
        mvc.perform(get("/share/{t}", "nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    @Test
    void rotationRetiresTheOldTokenAtOnce() throws Exception {
        String link = link(org, 5);
        String old = token(link);
        session(old).andExpect(status().isCreated());
        String rotated = mvc.perform(
                        post("/v1/share-links/{id}/token", id(link)).header("Authorization", org.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.usageCount").value(1))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String fresh = JsonPath.read(rotated, "$.token");
        assertThat(fresh).isNotEqualTo(old).matches("sh_[0-9A-Za-z]{22}");
        session(old).andExpect(status().isNotFound());
        mvc.perform(get("/share/{t}", old)).andExpect(status().isNotFound());
        session(fresh)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.usageCount").value(2));
    }

    @Test
    void embedsOpenOnlyForAllowedOrigins() throws Exception {
        String link = link(org, 50);
        String token = token(link);
        // a direct link is not restricted by origin
        session(token, "https://anywhere.example").andExpect(status().isCreated());
        settings(org, link, """
                {"type": "PLAYER_EMBED", "allowedOrigins": ["https://Shop.Example:443/", "http://localhost:3000"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allowedOrigins[0]").value("https://shop.example"))
                .andExpect(jsonPath("$.allowedOrigins[1]").value("http://localhost:3000"));
        session(token, "https://evil.example")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error").value("Forbidden"));
        mvc.perform(get("/v1/public/share-links/{t}", token).header("Origin", "https://evil.example"))
                .andExpect(status().isForbidden());
        session(token, "https://shop.example")
                .andExpect(status().isCreated())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://shop.example"));
        session(token, null).andExpect(status().isCreated());
        // the service's own pages call from its own origin
        session(token, "https://links.example.test").andExpect(status().isCreated());
        assertThat(storedCount(token)).isEqualTo(4);

        mvc.perform(get("/frame/{t}", token))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                containsString("frame-ancestors https://shop.example http://localhost:3000")))
                .andExpect(header().doesNotExist("X-Frame-Options"));
        settings(org, link, "{\"allowAllOrigins\": true}").andExpect(status().isOk());
        session(token, "https://evil.example").andExpect(status().isCreated());
        mvc.perform(get("/frame/{t}", token))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors *")));
    }

    @Test
    void directLinksAndTheFullPageAreNeverFramed() throws Exception {
        String token = token(link(org, 5));
        for (String page : new String[] {"/share/{t}", "/frame/{t}"}) {
            mvc.perform(get(page, token))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("Cache-Control", containsString("no-store")))
                    .andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andExpect(content().string(containsString(org.personaName())))
                    .andExpect(content().string(containsString("id=\"start\"")))
                    .andExpect(content().string(containsString("Powered by Anam")));
        }
    }

    @Test
    void watermarkRemovalNeedsThePlan() throws Exception {
        settings(org, link(org, 5), "{\"removeWatermark\": true}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.message").value(containsString("plan")));
        String link = link(premium, 5);
        settings(premium, link, "{\"removeWatermark\": true}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.removeWatermark").value(true));
        mvc.perform(get("/share/{t}", token(link))).andExpect(content().string(not(containsString("Powered by Anam"))));
        mvc.perform(get("/v1/public/share-links/{t}", token(link)))
                .andExpect(jsonPath("$.removeWatermark").value(true));
    }

    @Test
    void onePrimaryLinkPerPersona() throws Exception {
        String first = link(org, 5);
        String second = link(org, 5);
        settings(org, first, "{\"isPrimary\": true}")
                .andExpect(jsonPath("$.isPrimary").value(true));
        settings(org, second, "{\"isPrimary\": true}")
                .andExpect(jsonPath("$.isPrimary").value(true));
        mvc.perform(get("/v1/share-links/{id}", id(first)).header("Authorization", org.bearer()))
                .andExpect(jsonPath("$.isPrimary").value(false));
        mvc.perform(get("/v1/share-links/{id}", id(second)).header("Authorization", org.bearer()))
                .andExpect(jsonPath("$.isPrimary").value(true));
        assertThat(jdbc.sql("select count(*) from share_links where primary_persona_id = :p")
                        .param("p", org.personaId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        settings(org, second, "{\"isPrimary\": false}")
                .andExpect(jsonPath("$.isPrimary").value(false));
    }

    @Test
    void omittedSettingsStayAsTheyAre() throws Exception {
        String link = link(org, 5);
        settings(org, link, "{\"type\": \"ORB_EMBED\", \"allowedOrigins\": [\"https://a.example\"]}")
                .andExpect(status().isOk());
        settings(org, link, "{\"enabled\": false}")
                .andExpect(jsonPath("$.type").value("ORB_EMBED"))
                .andExpect(jsonPath("$.allowedOrigins[0]").value("https://a.example"))
                .andExpect(jsonPath("$.lastUsedAt").value(nullValue()));
        settings(org, link, "{\"allowedOrigins\": []}")
                .andExpect(jsonPath("$.allowedOrigins").isEmpty());
    }

    @Test
    void badSettingsAre400AndChangeNothing() throws Exception {
        String link = link(org, 5);
        for (String body : new String[] {
            "{\"allowedOrigins\": [\"not an origin\"]}",
            "{\"allowedOrigins\": [\"https://a.example/path\"]}",
            "{\"allowedOrigins\": [\"ftp://a.example\"]}",
            "{\"allowedOrigins\": [\"*\"]}",
            "{\"type\": \"IFRAME\"}",
            "{\"enabled\": \"yes\"}",
            "{\"enabled\": 1}",
            "["
        }) {
            settings(org, link, body)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("Bad Request"));
        }
        mvc.perform(get("/v1/share-links/{id}", id(link)).header("Authorization", org.bearer()))
                .andExpect(jsonPath("$.type").value("LINK"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.allowedOrigins").isEmpty());
    }

    @Test
    void theDocumentedMaximumOfOriginsIsStored() throws Exception {
        String link = link(org, 5);
        StringBuilder origins = new StringBuilder("[");
        for (int i = 0; i < 50; i++) {
            String host = (i + "-" + "x".repeat(60) + ".").repeat(4) + "example";
            origins.append(i == 0 ? "" : ",").append("\"https://").append(host).append(":8443\"");
        }
        settings(org, link, "{\"allowedOrigins\": " + origins + "], \"type\": \"PLAYER_EMBED\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allowedOrigins.length()").value(50));
        mvc.perform(get("/frame/{t}", token(link)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("49-xxxx")));
        settings(org, link, "{\"allowedOrigins\": [\"https://" + "a".repeat(300) + ".example\"]}")
                .andExpect(status().isBadRequest());
        settings(org, link, "{\"allowedOrigins\": " + origins + ",\"https://one.too.many\"]}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void ownerOperationsNeedTheOwnersKey() throws Exception {
        String link = link(org, 5);
        mvc.perform(patch("/v1/share-links/{id}/settings", id(link))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/v1/share-links/{id}/token", id(link)).header("Authorization", premium.bearer()))
                .andExpect(status().isNotFound());
        settings(premium, link, "{\"enabled\": false}").andExpect(status().isNotFound());
        session(token(link)).andExpect(status().isCreated());
    }

    private String link(TestOrganization owner, int limit) throws Exception {
        return mvc.perform(post("/v1/share-links")
                        .header("Authorization", owner.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personaId\": \"" + owner.personaId() + "\", \"usageLimit\": " + limit + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String token(String link) {
        return JsonPath.read(link, "$.token");
    }

    private static String id(String link) {
        return JsonPath.read(link, "$.id");
    }

    private ResultActions session(String token) throws Exception {
        return session(token, null);
    }

    private ResultActions session(String token, String origin) throws Exception {
        var request = post("/v1/public/share-links/{t}/sessions", token);
        if (origin != null) {
            request.header("Origin", origin);
        }
        return mvc.perform(request);
    }

    private ResultActions settings(TestOrganization owner, String link, String body) throws Exception {
        return mvc.perform(patch("/v1/share-links/{id}/settings", id(link))
                .header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private int storedCount(String token) {
        return jdbc.sql("select usage_count from share_links where token = :t")
                .param("t", token)
                .query(Integer.class)
                .single();
    }
}
