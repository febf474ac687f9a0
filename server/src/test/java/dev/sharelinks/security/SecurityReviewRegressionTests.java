package dev.sharelinks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.specs.SpecFiles;
import dev.sharelinks.specs.SpecFiles.Operation;
import dev.sharelinks.support.TestOrganization;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The outside security review's findings, replayed over real HTTP against a running server, each with the answer
 * it must get now; and every route of the five specs spelled the ways a path can be spelled (each unreserved
 * character of each static segment percent-encoded, double slashes, dot segments, matrix parameters, case
 * variants), none of which may open what the plain spelling does not. Limits here: 5 public requests and 3 failed
 * authentications per client and minute; each test is its own client (X-Forwarded-For through the loopback
 * proxy).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "sharelinks.rate-limit.public-requests-per-minute=5",
            "sharelinks.rate-limit.auth-failures-per-minute=3",
            "sharelinks.rate-limit.trusted-proxies=127.0.0.1/32,::1/128",
            "sharelinks.public-base-url=https://links.example.test"
        })
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class SecurityReviewRegressionTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final AtomicInteger CLIENTS = new AtomicInteger(1);
    private static final String ADMIN = "Bearer " + TestOrganization.ADMIN_TOKEN;

    @LocalServerPort
    int port;

    String base;
    String client;

    @BeforeEach
    void aFreshClient() {
        base = "http://127.0.0.1:" + port;
        int n = CLIENTS.getAndIncrement();
        client = "198.51.100." + n;
    }

    // --- finding 1 (medium): percent-encoded paths skipped the public rate limit ----------------------------

    @Test
    void encodedSpellingsOfThePublicPathsCountAgainstTheSameLimit() throws Exception {
        String token = token(newLink(tenant(false), "{}"));
        List<String> spellings = List.of(
                "/v1/public/share-links/" + token,
                "/v1/%70ublic/share-links/" + token,
                "/%761/public/share-links/" + token,
                "/v1/public/%73hare-links/" + token,
                "/%73hare/" + token,
                "/%66rame/" + token,
                "/share/" + token);
        List<Integer> statuses = new ArrayList<>();
        for (String path : spellings) {
            statuses.add(send("GET", path, Map.of()).statusCode());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(200);
        assertThat(statuses.subList(5, 7)).containsOnly(429);
        // and the session POST, encoded, is refused once the client's bucket is empty: no use is counted
        assertThat(send("POST", "/v1/%70ublic/share-links/" + token + "/sessions", Map.of())
                        .statusCode())
                .isEqualTo(429);
        assertThat(JsonPath.<Integer>read(
                        send("GET", "/v1/share-links/" + newLinkIdOf(token), Map.of("Authorization", bearerOf(token)))
                                .body(),
                        "$.usageCount"))
                .isZero();
    }

    // --- finding 2 (low): tokens reached the log in clear the same way ----------------------------------------

    @Test
    void encodedPathsAreLoggedWithTheirTokensRedacted(CapturedOutput output) throws Exception {
        Tenant tenant = tenant(false);
        String token = token(newLink(tenant, "{}"));
        send("GET", "/v1/%70ublic/share-links/" + token, Map.of());
        send("GET", "/%73hare/" + token, Map.of());
        send("GET", "/%73hare/result/1001/Secret0ResultToken0000000000000001", Map.of());
        send("GET", "/v1/public/share-links/%0Aforged%20line", Map.of());
        // the line is written when the filter chain returns, which can be after the client has read a response
        // with a Content-Length: wait for it rather than race it (a CI run once read the output too early)
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(output.getAll())
                        .contains(
                                "GET /v1/public/share-links/*** 200",
                                "GET /share/*** 200",
                                "GET /share/result/1001/***",
                                "GET /v1/public/share-links/*** 400"));
        assertThat(output.getAll())
                .doesNotContain(token)
                .doesNotContain("Secret0ResultToken")
                .doesNotContain("\nforged line");
    }

    // --- finding 3 (low): the auth-failure limit checked, ran the request, then took a token ------------------

    @Test
    void fiftyConcurrentWrongKeysGetAtMostThreeChecks() throws Exception {
        double before = authFailures();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String key = "sk_wrong" + i;
            answers.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                return send("GET", "/v1/share-links", Map.of("Authorization", "Bearer " + key))
                        .statusCode();
            }));
        }
        start.countDown();
        Map<Integer, Integer> counts = new HashMap<>();
        for (Future<Integer> answer : answers) {
            counts.merge(answer.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertThat(counts.getOrDefault(401, 0)).as("%s", counts).isLessThanOrEqualTo(3);
        assertThat(counts.getOrDefault(429, 0)).as("%s", counts).isGreaterThanOrEqualTo(47);
        assertThat(authFailures() - before).as("keys looked up and refused").isLessThanOrEqualTo(3);
    }

    @Test
    void aGoodKeyGivesItsTokenBackSoABusyClientIsNeverThrottled() throws Exception {
        Tenant tenant = tenant(false);
        for (int i = 0; i < 20; i++) {
            assertThat(send("GET", "/v1/share-links", Map.of("Authorization", tenant.bearer()))
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    // --- finding 5 (low): a plan downgrade did not bring the watermark back ----------------------------------

    @Test
    void thePlanDecidesTheWatermarkAtReadTimeAcrossADowngradeAndAnUpgrade() throws Exception {
        Tenant tenant = tenant(true);
        String link = newLink(tenant, "{}");
        String id = JsonPath.read(link, "$.id");
        String token = token(link);
        expect(200, "PATCH", "/v1/share-links/" + id + "/settings", tenant.bearer(), "{\"removeWatermark\": true}");
        assertThat(watermarkRemoved(tenant, id, token)).containsExactly(true, true, true);
        assertThat(page(token)).doesNotContain("Powered by Anam");

        plan(tenant, false);
        assertThat(watermarkRemoved(tenant, id, token)).containsExactly(false, false, false);
        assertThat(page(token)).contains("Powered by Anam");
        String session = expect(201, "POST", "/v1/public/share-links/" + token + "/sessions", null, null);
        assertThat(JsonPath.<Boolean>read(session, "$.removeWatermark")).isFalse();

        plan(tenant, true);
        assertThat(watermarkRemoved(tenant, id, token)).containsExactly(true, true, true);
        assertThat(page(token)).doesNotContain("Powered by Anam");
    }

    // --- findings 6 (info) --------------------------------------------------------------------------------------

    @Test
    void duplicateCredentialHeadersAreRefusedInTheSurfacesShape() throws Exception {
        Tenant tenant = tenant(false);
        HttpResponse<String> anam = HTTP.send(
                request("GET", "/v1/share-links")
                        .header("Authorization", tenant.bearer())
                        .header("Authorization", "Bearer sk_proxy")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anam.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(anam.body()).path("message").asText()).contains("Authorization");
        HttpResponse<String> cekura = HTTP.send(
                request("GET", "/test_framework/v1/results/1/")
                        .header("X-CEKURA-API-KEY", tenant.key())
                        .header("X-CEKURA-API-KEY", "sk_other")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cekura.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(cekura.body()).path("detail").asText()).contains("X-CEKURA-API-KEY");
    }

    @Test
    void theStockSwaggerUiPageIsNotServed() throws Exception {
        for (String stock : List.of(
                "/webjars/swagger-ui/index.html",
                "/webjars/swagger-ui/swagger-initializer.js",
                "/webjars/swagger-ui/5.34.1/index.html",
                "/webjars/swagger-ui/oauth2-redirect.html")) {
            assertThat(send("GET", stock, Map.of()).statusCode()).as(stock).isEqualTo(404);
        }
        assertThat(send("GET", "/webjars/swagger-ui/swagger-ui-bundle.js", Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("GET", "/docs/docs.js", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void anOpaqueOriginIsServedButNeverToldItMayReadTheAnswer() throws Exception {
        String token = token(newLink(tenant(false), "{}"));
        HttpResponse<String> status = send("GET", "/v1/public/share-links/" + token, Map.of("Origin", "null"));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> named =
                send("GET", "/v1/public/share-links/" + token, Map.of("Origin", "https://site.example"));
        assertThat(named.headers().firstValue("Access-Control-Allow-Origin")).contains("https://site.example");
    }

    @Test
    void aForgedHostDoesNotMakeAnOriginTheServicesOwn() throws Exception {
        Tenant tenant = tenant(false);
        String link = newLink(tenant, "{}");
        String id = JsonPath.read(link, "$.id");
        expect(
                200,
                "PATCH",
                "/v1/share-links/" + id + "/settings",
                tenant.bearer(),
                "{\"type\": \"PLAYER_EMBED\", \"allowedOrigins\": [\"https://shop.example\"]}");
        String answer = raw("GET /v1/public/share-links/" + token(link) + " HTTP/1.1\r\nHost: evil.example\r\n"
                + "Origin: http://evil.example\r\nX-Forwarded-For: " + client + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 403");
        // the configured public base URL is the service's own origin
        assertThat(send("GET", "/v1/public/share-links/" + token(link), Map.of("Origin", "https://links.example.test"))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void bidirectionalControlsAreRefusedInNames() throws Exception {
        String org =
                JsonPath.read(expect(201, "POST", "/admin/v1/organizations", ADMIN, "{\"name\": \"Bidi\"}"), "$.id");
        for (String name : List.of("Support\u202Egnp.exe", "a\u2066b", "x\u200Fy")) {
            String body = "{\"name\": \"" + name + "\"}";
            assertThat(send(
                                    "PUT",
                                    "/admin/v1/organizations/" + org + "/personas/" + java.util.UUID.randomUUID(),
                                    Map.of("Authorization", ADMIN, "Content-Type", "application/json"),
                                    body)
                            .statusCode())
                    .isEqualTo(400);
            assertThat(send(
                                    "POST",
                                    "/admin/v1/organizations",
                                    Map.of("Authorization", ADMIN, "Content-Type", "application/json"),
                                    body)
                            .statusCode())
                    .isEqualTo(400);
            assertThat(send(
                                    "PATCH",
                                    "/admin/v1/organizations/" + org,
                                    Map.of("Authorization", ADMIN, "Content-Type", "application/json"),
                                    body)
                            .statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void bidirectionalControlsInAStoredDocumentCannotReorderTheResultPage() throws Exception {
        Tenant tenant = tenant(false);
        int result = 700_000 + CLIENTS.getAndIncrement();
        expect(
                200,
                "PUT",
                "/admin/v1/organizations/" + tenant.org() + "/results/" + result,
                ADMIN,
                "{\"name\": \"pass\u202Eliaf\"}");
        String link = expect(
                200,
                "POST",
                "/test_framework/v1/results/" + result + "/create_shareable_link_token/",
                null,
                null,
                Map.of("X-CEKURA-API-KEY", tenant.key()));
        String page = expect(200, "GET", "/share/result/" + result + "/" + JsonPath.read(link, "$.token"), null, null);
        assertThat(page).doesNotContain("\u202E").contains("pass\\u202Eliaf");
    }

    @Test
    void originPortsMustBePorts() throws Exception {
        Tenant tenant = tenant(false);
        String id = JsonPath.read(newLink(tenant, "{}"), "$.id");
        for (String origin :
                List.of("https://shop.example:99999", "https://shop.example:0", "https://shop.example:65536")) {
            assertThat(send(
                                    "PATCH",
                                    "/v1/share-links/" + id + "/settings",
                                    Map.of("Authorization", tenant.bearer(), "Content-Type", "application/json"),
                                    "{\"allowedOrigins\": [\"" + origin + "\"]}")
                            .statusCode())
                    .as(origin)
                    .isEqualTo(400);
        }
        expect(
                200,
                "PATCH",
                "/v1/share-links/" + id + "/settings",
                tenant.bearer(),
                "{\"allowedOrigins\": [\"https://shop.example:65535\"]}");
    }

    // --- every route, every spelling ----------------------------------------------------------------------------

    @Test
    void noSpellingOfARouteOpensWhatThePlainSpellingDoesNot() throws Exception {
        Tenant tenant = tenant(true);
        String token = token(newLink(tenant, "{}"));
        int checked = 0;
        for (Operation op : SpecFiles.allOperations()) {
            String plainPath = concrete(op.path(), token);
            // without credentials, every request: the plain spelling's answer is the secure one to compare with
            HttpResponse<String> plain = sendAs(op.method(), plainPath);
            for (String spelling : encodedSpellings(plainPath, op.path())) {
                HttpResponse<String> answer = sendAs(op.method(), spelling);
                String where = op.key() + " as " + spelling + " -> " + answer.statusCode() + " " + answer.body();
                if (plain.statusCode() == 429 || answer.statusCode() == 429) {
                    continue; // the public routes share this client's bucket: refused is secure either way
                }
                assertThat(answer.statusCode()).as(where).isEqualTo(plain.statusCode());
                assertThat(shape(answer)).as(where).isEqualTo(shape(plain));
                checked++;
            }
            for (String spelling : structuralSpellings(plainPath)) {
                HttpResponse<String> answer = sendAs(op.method(), spelling);
                String where = op.key() + " as " + spelling + " -> " + answer.statusCode() + " " + answer.body();
                assertThat(answer.statusCode()).as(where).isIn(400, 404, 405, 429, plain.statusCode());
                assertThat(answer.statusCode() < 200 || answer.statusCode() >= 300 || plain.statusCode() < 300)
                        .as(where)
                        .isTrue();
                assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                        .as(where)
                        .startsWith("application/json");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    /** Each unreserved character (letters, digits, - _ ~) of each static segment, percent-encoded in turn. */
    static List<String> encodedSpellings(String concrete, String template) {
        String[] concreteSegments = concrete.split("/", -1);
        String[] templateSegments = template.split("/", -1);
        List<String> spellings = new ArrayList<>();
        for (int s = 0; s < templateSegments.length; s++) {
            String segment = templateSegments[s];
            if (segment.isEmpty() || segment.startsWith("{")) {
                continue;
            }
            for (int c = 0; c < segment.length(); c++) {
                char ch = segment.charAt(c);
                if (Character.isLetterOrDigit(ch) || ch == '-' || ch == '_' || ch == '~') {
                    String[] copy = concreteSegments.clone();
                    copy[s] = segment.substring(0, c) + String.format("%%%02X", (int) ch) + segment.substring(c + 1);
                    spellings.add(String.join("/", copy));
                }
            }
        }
        return spellings;
    }

    /** Double slashes, dot segments, a matrix parameter and upper case, each where it could mislead a matcher. */
    static List<String> structuralSpellings(String concrete) {
        int second = concrete.indexOf('/', 1);
        String head = second < 0 ? concrete : concrete.substring(0, second);
        String tail = second < 0 ? "" : concrete.substring(second);
        return List.of(
                "/" + concrete,
                head + "/" + tail,
                head + "/." + tail,
                "/x/.." + concrete,
                head + ";x=1" + tail,
                head + "%2F" + tail.substring(Math.min(1, tail.length())),
                head + "%2E%2E" + tail,
                head.toUpperCase() + tail);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    record Tenant(String org, String key, String persona) {
        String bearer() {
            return "Bearer " + key;
        }
    }

    private final Map<String, String> bearers = new HashMap<>();
    private final Map<String, String> ids = new HashMap<>();

    private Tenant tenant(boolean removeWatermark) throws Exception {
        String org = JsonPath.read(
                expect(
                        201,
                        "POST",
                        "/admin/v1/organizations",
                        ADMIN,
                        "{\"name\": \"Review\", \"plan\": {\"removeWatermark\": " + removeWatermark
                                + ", \"whitelabelReports\": true}}"),
                "$.id");
        String key = JsonPath.read(
                expect(201, "POST", "/admin/v1/organizations/" + org + "/api-keys", ADMIN, "{\"name\": \"k\"}"),
                "$.key");
        String persona = java.util.UUID.randomUUID().toString();
        expect(
                200,
                "PUT",
                "/admin/v1/organizations/" + org + "/personas/" + persona,
                ADMIN,
                "{\"name\": \"Reviewed\"}");
        return new Tenant(org, key, persona);
    }

    private String newLink(Tenant tenant, String ignored) throws Exception {
        String link = expect(
                201,
                "POST",
                "/v1/share-links",
                tenant.bearer(),
                "{\"personaId\": \"" + tenant.persona() + "\", \"usageLimit\": 100}");
        bearers.put(token(link), tenant.bearer());
        ids.put(token(link), JsonPath.read(link, "$.id"));
        return link;
    }

    private String bearerOf(String token) {
        return bearers.get(token);
    }

    private String newLinkIdOf(String token) {
        return ids.get(token);
    }

    private static String token(String link) {
        return JsonPath.read(link, "$.token");
    }

    private void plan(Tenant tenant, boolean removeWatermark) throws Exception {
        expect(
                200,
                "PATCH",
                "/admin/v1/organizations/" + tenant.org(),
                ADMIN,
                "{\"plan\": {\"removeWatermark\": " + removeWatermark + "}}");
    }

    /** removeWatermark as the owner API, the Anam API and the public status show it. */
    private List<Boolean> watermarkRemoved(Tenant tenant, String id, String token) throws Exception {
        return List.of(
                JsonPath.read(
                        expect(200, "GET", "/v1/share-links/" + id + "/settings", tenant.bearer(), null),
                        "$.removeWatermark"),
                JsonPath.read(expect(200, "GET", "/v1/share-links/" + id, tenant.bearer(), null), "$.removeWatermark"),
                JsonPath.read(expect(200, "GET", "/v1/public/share-links/" + token, null, null), "$.removeWatermark"));
    }

    private String page(String token) throws Exception {
        return expect(200, "GET", "/share/" + token, null, null);
    }

    private String concrete(String template, String token) {
        return template.replace("{token}", token)
                .replace(
                        "{id}",
                        template.startsWith("/test_framework")
                                ? "1001"
                                : java.util.UUID.randomUUID().toString())
                .replace("{resultId}", "1001")
                .replaceAll("\\{[a-zA-Z]*Id}", java.util.UUID.randomUUID().toString());
    }

    private HttpResponse<String> sendAs(String method, String path) throws Exception {
        boolean withBody = !method.equalsIgnoreCase("get") && !method.equalsIgnoreCase("delete");
        return send(
                method.toUpperCase(),
                path,
                withBody ? Map.of("Content-Type", "application/json") : Map.of(),
                withBody ? "{}" : null);
    }

    /** The error shape: DRF's keys or ours. */
    private static String shape(HttpResponse<String> response) throws Exception {
        if (response.body().isBlank()
                || !response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            return "no JSON";
        }
        JsonNode body = JSON.readTree(response.body());
        return body.has("detail") ? "detail" : body.has("error") && body.has("message") ? "error+message" : "other";
    }

    private double authFailures() throws Exception {
        String metrics = expect(200, "GET", "/actuator/prometheus", ADMIN, null);
        return metrics.lines()
                .filter(l -> l.startsWith("sharelinks_auth_failures_total{credential=\"api_key\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private HttpRequest.Builder request(String method, String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", client)
                .method(method, HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        return send(method, path, headers, null);
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", client)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Operator and owner calls come from other clients than the one under test: they must not spend its buckets. */
    private String expect(int status, String method, String path, String authorization, String json) throws Exception {
        return expect(status, method, path, authorization, json, Map.of());
    }

    private String expect(
            int status, String method, String path, String authorization, String json, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", "203.0.113." + (1 + CLIENTS.getAndIncrement() % 250))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        headers.forEach(builder::header);
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + " " + response.body())
                .isEqualTo(status);
        return response.body();
    }

    /** A request as written, for headers HttpClient will not send (Host). */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
