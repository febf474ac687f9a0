package dev.sharelinks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.sharelinks.support.TestOrganization;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Per-client limits: 5 public requests and 3 failed authentications per minute per client here. The client is
 * the connection's address, or the X-Forwarded-For address when the connection comes from a trusted proxy.
 */
@SpringBootTest(
        properties = {
            "sharelinks.rate-limit.public-requests-per-minute=5",
            "sharelinks.rate-limit.auth-failures-per-minute=3",
            "sharelinks.rate-limit.trusted-proxies=10.0.0.0/8"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RateLimitTests {

    @Autowired
    MockMvc mvc;

    @Test
    void publicEndpointsAnswer429WithRetryAfterPerClient() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(from("192.0.2.1", get("/v1/public/share-links/sh_guess{i}", i)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(from("192.0.2.1", get("/v1/public/share-links/sh_guess")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("[1-9][0-9]*")))
                .andExpect(jsonPath("$.error").value("Too Many Requests"))
                .andExpect(jsonPath("$.message").value(startsWith("Too many requests")));
        // pages count against the same bucket
        mvc.perform(from("192.0.2.1", get("/share/sh_guess"))).andExpect(status().isTooManyRequests());
        // another client is not affected
        mvc.perform(from("192.0.2.2", get("/v1/public/share-links/sh_guess"))).andExpect(status().isNotFound());
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() throws Exception {
        // through the trusted proxy, each forwarded client has its own bucket
        for (int client = 1; client <= 7; client++) {
            mvc.perform(from("10.1.2.3", get("/v1/public/share-links/sh_x"))
                            .header("X-Forwarded-For", "198.51.100." + client))
                    .andExpect(status().isNotFound());
        }
        // from anyone else the header is ignored: a fresh address per request does not get a fresh bucket
        for (int i = 0; i < 5; i++) {
            mvc.perform(from("203.0.113.9", get("/v1/public/share-links/sh_x"))
                            .header("X-Forwarded-For", "198.51.100." + (100 + i)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(from("203.0.113.9", get("/v1/public/share-links/sh_x")).header("X-Forwarded-For", "198.51.100.200"))
                .andExpect(status().isTooManyRequests());
        // a client cannot prepend its own entries: the address the trusted proxy appended is the one used
        for (int i = 0; i < 5; i++) {
            mvc.perform(from("10.1.2.3", get("/v1/public/share-links/sh_x"))
                            .header("X-Forwarded-For", "1.1.1." + i + ", 198.51.100.50"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(from("10.1.2.3", get("/v1/public/share-links/sh_x"))
                        .header("X-Forwarded-For", "9.9.9.9, 198.51.100.50"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void failedAuthenticationIsLimitedBeforeTheKeyIsLookedUp() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Limited", false, false);
        for (int i = 0; i < 3; i++) {
            mvc.perform(from("192.0.2.50", get("/v1/share-links")).header("Authorization", "Bearer sk_wrong" + i))
                    .andExpect(status().isUnauthorized());
        }
        // now even the right key is refused, without being checked, until the bucket refills
        mvc.perform(from("192.0.2.50", get("/v1/share-links")).header("Authorization", org.bearer()))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value("Too Many Requests"));
        // Cekura callers get DRF's throttling words
        mvc.perform(from("192.0.2.50", get("/test_framework/v1/results/1/")).header("X-CEKURA-API-KEY", org.apiKey()))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(startsWith("Request was throttled.")));
        // the operator's token counts too
        mvc.perform(from("192.0.2.51", get("/admin/v1/audit-events")).header("Authorization", "Bearer nope"))
                .andExpect(status().isUnauthorized());
        // successes cost nothing: the same client may go on with the right key
        for (int i = 0; i < 10; i++) {
            mvc.perform(from("192.0.2.52", get("/v1/share-links")).header("Authorization", org.bearer()))
                    .andExpect(status().isOk());
        }
        String metrics = mvc.perform(
                        get("/actuator/prometheus").header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(metrics).contains("sharelinks_rate_limited_total{limit=\"auth_failures\"}");
    }

    @Test
    void theLimitIsCheckedBeforeTheDatabase() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(from("192.0.2.60", post("/v1/share-links"))
                            .header("Authorization", "Bearer sk_bad")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{}"))
                    .andExpect(status().isUnauthorized());
        }
        String before = prometheusFailures();
        mvc.perform(from("192.0.2.60", post("/v1/share-links"))
                        .header("Authorization", "Bearer sk_bad")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isTooManyRequests());
        // the refused request never reached the key lookup, which counts every wrong key
        assertThat(prometheusFailures()).isEqualTo(before);
    }

    private String prometheusFailures() throws Exception {
        String metrics = mvc.perform(
                        get("/actuator/prometheus").header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return metrics.lines()
                .filter(line -> line.startsWith("sharelinks_auth_failures_total{credential=\"api_key\"}"))
                .findFirst()
                .orElseThrow();
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }
}
