package dev.sharelinks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.organization.Plan;
import dev.sharelinks.sharelink.ShareLinkService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Answers go out with a Content-Length in one piece, not chunked after an early flush (over a real socket:
 * MockMvc never reaches Tomcat); answers larger than Tomcat's buffer still arrive whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeferredFlushTests {

    @LocalServerPort
    int port;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ShareLinkService shareLinks;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void apiAnswersCarryTheirLengthInsteadOfBeingChunked() throws Exception {
        UUID org = organizations.create("Flush", new Plan(false, false), null).id();
        UUID persona = organizations
                .putPersona(org, UUID.randomUUID(), "Flush persona")
                .id();
        String token = shareLinks.create(org, persona, Duration.ofHours(10), 10).token();

        for (HttpRequest request : new HttpRequest[] {
            HttpRequest.newBuilder(uri("/v1/public/share-links/" + token)).build(),
            HttpRequest.newBuilder(uri("/v1/public/share-links/" + token + "/sessions"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
            HttpRequest.newBuilder(uri("/v1/public/share-links/unknown")).build()
        }) {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isIn(200, 201, 404);
            assertThat(response.headers().firstValue("Transfer-Encoding"))
                    .as(request.uri().toString())
                    .isEmpty();
            assertThat(response.headers().firstValueAsLong("Content-Length"))
                    .as(request.uri().toString())
                    .hasValue(response.body().length);
        }
    }

    @Test
    void answersLargerThanTheBufferArriveWhole() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/docs/specs/anam/share-links.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .hasSizeGreaterThan(8_192)
                .startsWith("# Built from specs/anam/vendor/")
                .contains("\nopenapi: ")
                .endsWith("\n");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
