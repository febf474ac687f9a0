package dev.sharelinks.operability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.TestOrganization;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Probes are public, everything else of the actuator needs the admin token, and the service's meters move. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HealthAndMetricsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void probesArePublic() throws Exception {
        for (String path :
                new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            mvc.perform(get(path))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
        }
    }

    @Test
    void theRestOfTheActuatorNeedsTheAdminToken() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("Unauthorized"));
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        TestOrganization org = TestOrganization.create(mvc, "Metrics", false, false);
        mvc.perform(get("/actuator/prometheus").header("Authorization", org.bearer()))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN))
                .andExpect(status().isOk());
    }

    @Test
    void claimsRefusalsAndAuthFailuresAreCounted() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Counted", false, false);
        String link = mvc.perform(post("/v1/share-links")
                        .header("Authorization", org.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personaId\": \"" + org.personaId() + "\", \"usageLimit\": 1}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(link, "$.token");

        String before = scrape();
        mvc.perform(post("/v1/public/share-links/{t}/sessions", token)).andExpect(status().isCreated());
        mvc.perform(post("/v1/public/share-links/{t}/sessions", token)).andExpect(status().isGone());
        mvc.perform(post("/v1/public/share-links/{t}/sessions", "sh_unknown")).andExpect(status().isNotFound());
        mvc.perform(get("/v1/share-links").header("Authorization", "Bearer sk_wrong"))
                .andExpect(status().isUnauthorized());
        String after = scrape();

        assertThat(value(after, "sharelinks_sessions_claimed_total")
                        - value(before, "sharelinks_sessions_claimed_total"))
                .isEqualTo(1);
        assertThat(value(after, "sharelinks_sessions_refused_total{reason=\"exhausted\"}")
                        - value(before, "sharelinks_sessions_refused_total{reason=\"exhausted\"}"))
                .isEqualTo(1);
        assertThat(value(after, "sharelinks_sessions_refused_total{reason=\"unknown\"}")
                        - value(before, "sharelinks_sessions_refused_total{reason=\"unknown\"}"))
                .isEqualTo(1);
        assertThat(value(after, "sharelinks_auth_failures_total{credential=\"api_key\"}")
                        - value(before, "sharelinks_auth_failures_total{credential=\"api_key\"}"))
                .isEqualTo(1);
        assertThat(after)
                .contains(
                        "sharelinks_links_issued_total",
                        "sharelinks_sessions_claim_seconds_count",
                        "http_server_requests_seconds_count");
    }

    private String scrape() throws Exception {
        return mvc.perform(
                        get("/actuator/prometheus").header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + "\\s+(\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        assertThat(m.find()).as("series %s in the scrape", series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
