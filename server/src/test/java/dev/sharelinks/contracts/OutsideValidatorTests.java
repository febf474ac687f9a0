package dev.sharelinks.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.sharelinks.ShareLinksApplication;
import dev.sharelinks.specs.SpecFiles;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An outside validator in front of the running server: Prism ({@code @stoplight/prism-cli} 5.16.0) as a validating
 * proxy for each effective spec, and every contract in contracts/ — every operation, its success and each
 * documented error — sent through it over HTTP, with the contracts' fixture rows reset before each. Prism reports
 * what breaks the spec in its {@code sl-violations} header: no response may break it, and a request the server
 * answers with success must not either (a deliberately wrong request of an error contract may). Controls: a fake
 * upstream that answers wrongly, and a wrong request, must be flagged — a validator that flags nothing proves
 * nothing.
 *
 * <p>Prism comes from {@code SHARELINKS_PRISM} (the executable; {@code .ci/run} installs it) or the PATH; without
 * it the test is skipped, unless {@code SHARELINKS_REQUIRE_PRISM=true} (CI), where that is a failure.
 */
@SpringBootTest(
        classes = {ShareLinksApplication.class, ContractVerifierBase.FixedClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "sharelinks.webhooks.deliver=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutsideValidatorTests extends ContractVerifierBase {

    static final Path CONTRACTS = Path.of("..", "contracts");
    static final ObjectMapper JSON = new ObjectMapper();

    /** The effective spec each contract folder speaks. */
    static final Map<String, String> SPEC_OF = Map.of(
            "anam", "anam/share-links.yaml",
            "cekura", "cekura/results.yaml",
            "admin", "sharelinks/admin.yaml",
            "owner", "sharelinks/owner.yaml",
            "public", "sharelinks/public.yaml",
            "webhooks", "sharelinks/webhooks.yaml");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final List<Process> proxies = new ArrayList<>();
    private final Map<String, Integer> proxyPorts = new LinkedHashMap<>();
    private HttpServer wrongUpstream;

    @BeforeAll
    void startProxies() throws Exception {
        String prism = prism();
        for (String spec : Set.copyOf(SPEC_OF.values())) {
            proxyPorts.put(spec, startProxy(prism, spec, "http://127.0.0.1:" + port));
        }
    }

    @AfterAll
    void stopProxies() {
        proxies.forEach(Process::destroyForcibly);
        if (wrongUpstream != null) {
            wrongUpstream.stop(0);
        }
    }

    static Stream<Path> contracts() throws IOException {
        try (Stream<Path> files = Files.walk(CONTRACTS)) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void everyContractPassesThroughTheValidatorWithoutAViolation(Path file) throws Exception {
        JsonNode contract = SpecFiles.read(file);
        String folder = file.getParent().getFileName().toString();
        int expected = contract.at("/response/status").asInt();

        HttpResponse<String> response = send(proxyPorts.get(SPEC_OF.get(folder)), contract.path("request"));
        List<JsonNode> violations = violations(response);

        assertThat(response.statusCode())
                .as("%s through the proxy", file.getFileName())
                .isEqualTo(expected);
        assertThat(violations)
                .as("what Prism found wrong with the response of %s", file.getFileName())
                .filteredOn(v -> v.at("/location/0").asText().equals("response"))
                .isEmpty();
        if (expected < 400) {
            assertThat(violations)
                    .as("a request the server accepted breaks the spec (%s)", file.getFileName())
                    .isEmpty();
        }
    }

    /** The controls: wrong answers and a wrong request are flagged, so the silence above means something. */
    @Test
    void theValidatorFlagsWrongAnswersAndWrongRequests() throws Exception {
        wrongUpstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        wrongUpstream.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            String body;
            if (path.startsWith("/v1/share-links/")) {
                body = "{\"id\": 5, \"token\": 7, \"usageCount\": \"many\"}"; // wrong types
            } else if (path.equals("/v1/share-links")) {
                status = 418; // a status the spec does not document
                body = "{\"error\": \"I'm a teapot\", \"message\": \"no\"}";
            } else {
                body = "{\"shareable_link\": \"https://x.test/\"}"; // Cekura's create without the required token
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        wrongUpstream.start();
        String upstream = "http://127.0.0.1:" + wrongUpstream.getAddress().getPort();
        int anam = startProxy(prism(), "anam/share-links.yaml", upstream);
        int cekura = startProxy(prism(), "cekura/results.yaml", upstream);
        String bearer = "Bearer " + API_KEY_SECRET;

        assertThat(responseViolations(http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + anam + "/v1/share-links/" + LINK))
                                .header("Authorization", bearer)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())))
                .as("wrong types in a ShareLink")
                .isNotEmpty();
        assertThat(responseViolations(http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + anam + "/v1/share-links"))
                                .header("Authorization", bearer)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())))
                .as("an undocumented status")
                .isNotEmpty();
        assertThat(responseViolations(http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cekura
                                        + "/test_framework/v1/results/1001/create_shareable_link_token/"))
                                .header("X-CEKURA-API-KEY", API_KEY_SECRET)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())))
                .as("a required field missing")
                .isNotEmpty();
        // and a request the spec does not allow, sent to the real server
        HttpResponse<String> wrongRequest = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + proxyPorts.get("anam/share-links.yaml") + "/v1/share-links"))
                        .header("Authorization", bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"personaId\": \"" + PERSONA + "\", \"usageLimit\": \"ten\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(violations(wrongRequest))
                .as("a string where the spec says number")
                .anyMatch(v -> v.at("/location/0").asText().equals("request"));
    }

    private HttpResponse<String> send(int proxyPort, JsonNode request) throws Exception {
        StringBuilder url = new StringBuilder(
                "http://127.0.0.1:" + proxyPort + request.path("url").asText());
        StringJoiner query = new StringJoiner("&");
        request.path("queryParameters")
                .fields()
                .forEachRemaining(q -> query.add(URLEncoder.encode(q.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(q.getValue().asText(), StandardCharsets.UTF_8)));
        if (query.length() > 0) {
            url.append('?').append(query);
        }
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(url.toString())).timeout(Duration.ofSeconds(30));
        String contentType = "";
        for (var header : (Iterable<Map.Entry<String, JsonNode>>)
                () -> request.path("headers").fields()) {
            builder.header(header.getKey(), header.getValue().asText());
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = header.getValue().asText();
            }
        }
        byte[] body = body(request, contentType);
        builder.method(
                request.path("method").asText(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The contract's body as the wire carries it: JSON, a form, a multipart form, or text. */
    private static byte[] body(JsonNode request, String contentType) throws IOException {
        if (request.has("multipart")) {
            String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());
            StringBuilder multipart = new StringBuilder();
            request.at("/multipart/params")
                    .fields()
                    .forEachRemaining(p -> multipart
                            .append("--")
                            .append(boundary)
                            .append("\r\nContent-Disposition: form-data; name=\"")
                            .append(p.getKey())
                            .append("\"\r\n\r\n")
                            .append(p.getValue().asText())
                            .append("\r\n"));
            multipart.append("--").append(boundary).append("--\r\n");
            return multipart.toString().getBytes(StandardCharsets.UTF_8);
        }
        JsonNode body = request.get("body");
        if (body == null) {
            return null;
        }
        if (body.isTextual()) {
            return body.asText().getBytes(StandardCharsets.UTF_8);
        }
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            StringJoiner form = new StringJoiner("&");
            body.fields()
                    .forEachRemaining(f -> form.add(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(f.getValue().asText(), StandardCharsets.UTF_8)));
            return form.toString().getBytes(StandardCharsets.UTF_8);
        }
        return JSON.writeValueAsBytes(body);
    }

    private static List<JsonNode> violations(HttpResponse<?> response) throws IOException {
        String header = response.headers().firstValue("sl-violations").orElse("[]");
        List<JsonNode> found = new ArrayList<>();
        JSON.readTree(header).forEach(found::add);
        return found;
    }

    private static List<JsonNode> responseViolations(HttpResponse<?> response) throws IOException {
        return violations(response).stream()
                .filter(v -> v.at("/location/0").asText().equals("response"))
                .toList();
    }

    private int startProxy(String prism, String spec, String upstream) throws Exception {
        int proxyPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            proxyPort = socket.getLocalPort();
        }
        Path log = Files.createTempFile("prism-", ".log");
        Process process = new ProcessBuilder(
                        prism,
                        "proxy",
                        SpecFiles.EFFECTIVE.resolve(spec).toString(),
                        upstream,
                        "--host",
                        "127.0.0.1",
                        "--port",
                        String.valueOf(proxyPort))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        proxies.add(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prism stopped for " + spec + ":\n" + Files.readString(log));
            }
            try (Socket ignored = new Socket("127.0.0.1", proxyPort)) {
                return proxyPort;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Prism did not listen for " + spec + ":\n" + Files.readString(log));
    }

    private static String prism() {
        String configured = System.getenv("SHARELINKS_PRISM");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "prism"));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        if ("true".equals(System.getenv("SHARELINKS_REQUIRE_PRISM"))) {
            throw new IllegalStateException(
                    "SHARELINKS_REQUIRE_PRISM=true but Prism is missing (SHARELINKS_PRISM or prism on the PATH)");
        }
        Assumptions.assumeTrue(false, "Prism (@stoplight/prism-cli) is not installed; .ci/run installs it");
        return null;
    }
}
