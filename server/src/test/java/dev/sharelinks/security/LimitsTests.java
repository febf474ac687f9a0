package dev.sharelinks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.sharelinks.support.TestOrganization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Request size and JSON depth limits (64 KB and depth 8 here), on a real server for the transfer encodings
 * and through MockMvc for the shapes. Refusals come in the surface's error shape; nothing is stored.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"sharelinks.limits.max-request-size=64KB", "sharelinks.limits.max-json-depth=8"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LimitsTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Test
    void oversizedBodiesAre413WithContentLengthAndChunked() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Sized", false, false);
        String big = "{\"personaId\": \"" + org.personaId() + "\", \"pad\": \"" + "x".repeat(70_000) + "\"}";
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> declared = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/v1/share-links"))
                        .header("Authorization", org.bearer())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(big))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("\"error\":\"Payload Too Large\"").contains("at most 65536 bytes");

        // no Content-Length: the body arrives chunked
        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/test_framework/v1/results/1/create_shareable_link_token/"))
                        .header("X-CEKURA-API-KEY", org.apiKey())
                        .header("Content-Type", "application/json")
                        .POST(chunked(big))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).startsWith("{\"detail\":");

        // a chunked body within the limit is read as usual
        HttpResponse<String> small = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/v1/share-links"))
                        .header("Authorization", org.bearer())
                        .header("Content-Type", "application/json")
                        .POST(chunked("{\"personaId\": \"" + org.personaId() + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).isEqualTo(201);

        String list = mvc.perform(get("/v1/share-links").header("Authorization", org.bearer()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(list, "$.meta.total"))
                .isEqualTo(1);
    }

    @Test
    void jsonNestedDeeperThanTheLimitIs400() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Deep", false, false);
        String deep = "{\"a\":".repeat(9) + "1" + "}".repeat(9);
        mvc.perform(put("/admin/v1/organizations/{o}/results/{r}", org.id(), 9001)
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(deep))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Bad Request"));
        mvc.perform(post("/test_framework/v1/results/{r}/create_shareable_link_token/", 9001)
                        .header("X-CEKURA-API-KEY", org.apiKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"expire_at\": " + "[".repeat(20) + "]".repeat(20) + "}"))
                .andExpect(status().is4xxClientError());
        String within = "{\"a\":".repeat(7) + "1" + "}".repeat(7);
        mvc.perform(put("/admin/v1/organizations/{o}/results/{r}", org.id(), 9001)
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(within))
                .andExpect(status().isOk());
    }

    @Test
    void publicPagesSendRestrictiveHeaders() throws Exception {
        for (String page : new String[] {"/share/sh_nothing", "/frame/sh_nothing", "/share/result/1/none", "/docs"}) {
            mvc.perform(get(page))
                    .andExpect(header().string(
                                    "Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src")))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andExpect(header().string(
                                    "Cache-Control",
                                    org.hamcrest.Matchers.anyOf(
                                            org.hamcrest.Matchers.containsString("no-store"),
                                            org.hamcrest.Matchers.containsString("no-cache"))));
        }
        mvc.perform(get("/v1/public/share-links/sh_nothing"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** A body publisher of unknown length, which java.net.http sends chunked. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofString(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }
}
