package dev.sharelinks.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.support.CekuraFixtures;
import dev.sharelinks.support.TestOrganization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The outside check's 500s, over real HTTP (Tomcat parses multipart, MockMvc does not): a multipart content type
 * without a boundary, and a content type that does not parse, answered 400 in each surface's words, after the
 * credential check as DRF does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OddContentTypeTests {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    TestOrganization org;
    int result;

    @BeforeEach
    void anOrganisation() throws Exception {
        org = TestOrganization.create(mvc, "Odd types", false, false);
        result = CekuraFixtures.storeResult(mvc, org.id(), "{\"status\": \"passed\"}");
    }

    @Test
    void multipartWithoutABoundaryIsABadRequestInTheAnamShape() throws Exception {
        HttpResponse<String> response =
                post("/v1/share-links", "Authorization", org.bearer(), "multipart/form-data", "x");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"Bad Request\",\"message\":"
                        + "\"Malformed multipart body: the Content-Type names no boundary\"}");
    }

    @Test
    void multipartWithoutABoundaryIsABadRequestOnTheOperatorApi() throws Exception {
        HttpResponse<String> response = post(
                "/admin/v1/organizations",
                "Authorization",
                "Bearer " + TestOrganization.ADMIN_TOKEN,
                "multipart/form-data; boundary=",
                "x");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"Bad Request\"", "names no boundary");
    }

    @Test
    void multipartWithoutABoundaryGetsDrfsWordsOnCekura() throws Exception {
        for (String type : new String[] {"multipart/form-data", "multipart/form-data; boundary=", "multipart/mixed"}) {
            HttpResponse<String> response = post(
                    "/test_framework/v1/results/" + result + "/create_shareable_link_token/",
                    "X-CEKURA-API-KEY",
                    org.apiKey(),
                    type,
                    "x");
            assertThat(response.statusCode()).as(type).isEqualTo(400);
            assertThat(response.body())
                    .as(type)
                    .isEqualTo("{\"detail\":\"Multipart form parse error - Invalid boundary in multipart: None\"}");
        }
    }

    @Test
    void aContentTypeThatDoesNotParseIsRefusedInEachSurfacesWords() throws Exception {
        HttpResponse<String> anam =
                post("/v1/share-links", "Authorization", org.bearer(), "application/json; charset=nope", "{}");
        // Spring's content negotiation refuses it as a type it does not take, which it is
        assertThat(anam.statusCode()).isEqualTo(415);
        assertThat(anam.body())
                .isEqualTo("{\"error\":\"Unsupported Media Type\",\"message\":\"Content-Type 'application/json; "
                        + "charset=nope' is not a valid media type; send application/json\"}");
        HttpResponse<String> cekura = post(
                "/test_framework/v1/results/" + result + "/create_shareable_link_token/",
                "X-CEKURA-API-KEY",
                org.apiKey(),
                "application/json; charset=nope",
                "{}");
        assertThat(cekura.statusCode()).as(cekura.body()).isEqualTo(415);
        assertThat(cekura.body())
                .isEqualTo(
                        "{\"detail\":\"Unsupported media type \\\"application/json; charset=nope\\\" in request.\"}");
    }

    @Test
    void withoutCredentialsTheAnswerIsStillTheCredentialRefusal() throws Exception {
        HttpResponse<String> response = post(
                "/test_framework/v1/results/" + result + "/create_shareable_link_token/",
                "X-Other",
                "none",
                "multipart/form-data",
                "x");
        assertThat(response.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String path, String header, String value, String contentType, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header(header, value)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
