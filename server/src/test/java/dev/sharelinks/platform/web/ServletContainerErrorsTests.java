package dev.sharelinks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Requests the servlet container refuses by itself, before Spring, still get the vendor's JSON error shape
 * (over a real socket: MockMvc never reaches Tomcat).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ServletContainerErrorsTests {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/v1/public/share-links/sh_%00x | {\"error\":\"Bad Request\",\"message\":\"Bad Request\"}",
                "/test_framework/v1/results/%00/ | {\"detail\":\"Bad Request\"}",
                "/share/%00 | {\"error\":\"Bad Request\",\"message\":\"Bad Request\"}"
            })
    void malformedUrlsGetJsonNotAnHtmlPage(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).isEqualTo(body).doesNotContain("<html");
    }
}
