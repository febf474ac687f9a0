package dev.sharelinks.support;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against a running server, for tests that drive processes rather than MockMvc. */
public final class HttpCalls {

    public static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private HttpCalls() {}

    public static HttpResponse<String> send(String method, String url, String authorization, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends and insists on the status; returns the body. */
    public static String expect(int status, String method, String url, String authorization, String json)
            throws Exception {
        HttpResponse<String> response = send(method, url, authorization, json);
        if (response.statusCode() != status) {
            throw new AssertionError(method + " " + url + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** An organisation with an API key and a persona, made through the operator API of a running server. */
    public record Tenant(String orgId, String bearer, String personaId) {

        public static Tenant create(String base, String name) throws Exception {
            String admin = "Bearer " + ServerProcess.ADMIN_TOKEN;
            String org = JsonPath.read(
                    expect(
                            201,
                            "POST",
                            base + "/admin/v1/organizations",
                            admin,
                            "{\"name\": \"" + name
                                    + "\", \"plan\": {\"removeWatermark\": true, \"whitelabelReports\": true}}"),
                    "$.id");
            String key = JsonPath.read(
                    expect(
                            201,
                            "POST",
                            base + "/admin/v1/organizations/" + org + "/api-keys",
                            admin,
                            "{\"name\": \"key\"}"),
                    "$.key");
            String persona = java.util.UUID.randomUUID().toString();
            expect(
                    200,
                    "PUT",
                    base + "/admin/v1/organizations/" + org + "/personas/" + persona,
                    admin,
                    "{\"name\": \"" + name + " persona\"}");
            return new Tenant(org, "Bearer " + key, persona);
        }

        public String createLink(String base, int usageLimit) throws Exception {
            return expect(
                    201,
                    "POST",
                    base + "/v1/share-links",
                    bearer,
                    "{\"personaId\": \"" + personaId + "\", \"usageLimit\": " + usageLimit + "}");
        }
    }
}
