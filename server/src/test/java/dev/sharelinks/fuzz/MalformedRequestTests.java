package dev.sharelinks.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.ShareLinksApplication;
import dev.sharelinks.specs.SpecFiles;
import dev.sharelinks.specs.SpecFiles.Operation;
import dev.sharelinks.support.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Property: every malformed request to every operation of every spec is refused with a 4xx in the addressed
 * vendor's error shape, and changes nothing stored. The server runs as in production (real HTTP, Tomcat,
 * PostgreSQL); operations come from the spec files, so a new operation is fuzzed without touching this test.
 *
 * <p>Each request carries at least one defect: a path parameter that is not the documented type, a wrong
 * query parameter, a body of the wrong JSON type, truncated, nested too deep, with NaN/Infinity, huge,
 * negative or fractional numbers, wrong-typed or NUL-carrying fields, missing required fields (extra fields
 * mixed in), a wrong or missing content type, a body above the size limit, or missing/wrong credentials.
 * Half of them also spell their path with one character of a static segment percent-encoded.
 */
class MalformedRequestTests {

    static final int TRIES = 12_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every operation that takes some input a request could get wrong (a bare GET of a public document has none). */
    private static final List<Operation> OPERATIONS = SpecFiles.allOperations().stream()
            .filter(op -> !isPublic(op) || !op.path().equals(op.path().replaceAll("\\{[^}]+}", "")))
            .toList();

    private static final AtomicInteger SENT = new AtomicInteger();

    private static ConfigurableApplicationContext app;
    private static JdbcClient jdbc;
    private static HttpClient http;
    private static String base;
    private static Map<String, String> fixtures;
    private static String apiKey;
    private static String snapshot;

    @BeforeContainer
    static void start() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        app = new SpringApplicationBuilder(ShareLinksApplication.class)
                .run(
                        "--spring.profiles.active=test",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--sharelinks.rate-limit.enabled=false",
                        "--sharelinks.limits.max-request-size=16KB",
                        "--logging.level.root=WARN",
                        "--logging.level.sharelinks.requests=WARN");
        jdbc = app.getBean(JdbcClient.class);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        fixtures = createFixtures();
        snapshot = snapshot();
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
        System.out.println("MalformedRequestTests: " + SENT.get() + " malformed requests sent");
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED)
    void malformedRequestsAreRefusedInTheVendorsShapeAndChangeNothing(@ForAll("malformed") Malformed request)
            throws Exception {
        Statistics.collect(request.defect()
                .replaceAll(", path spelled [^,]*", ", path respelled")
                .replaceAll("\\.\\.\\. \\(\\d+ chars\\)", "..."));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.uri()))
                .timeout(Duration.ofSeconds(10))
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(
                                        request.body().getBytes(StandardCharsets.UTF_8)));
        request.headers().forEach(builder::header);
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        SENT.incrementAndGet();

        String where = request.method() + " " + request.uri() + " [" + request.defect() + "] -> "
                + response.statusCode() + " " + response.body();
        assertThat(response.statusCode()).as(where).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as(where)
                .startsWith("application/json");
        JsonNode body = JSON.readTree(response.body());
        if (URI.create(base + request.uri()).getPath().startsWith("/test_framework/")) {
            // DRF: {"detail": "..."} or {"field": ["..."]}
            assertThat(body.isObject() && body.size() > 0).as(where).isTrue();
            body.fields()
                    .forEachRemaining(field -> assertThat(
                                    field.getKey().equals("detail")
                                            ? field.getValue().isTextual()
                                            : field.getValue().isArray()
                                                    && field.getValue().size() > 0
                                                    && field.getValue().get(0).isTextual())
                            .as(where)
                            .isTrue());
        } else {
            assertThat(body.path("error").isTextual() && body.path("message").isTextual())
                    .as(where)
                    .isTrue();
            assertThat(body.path("error").asText()).as(where).isNotBlank();
        }
        assertThat(snapshot()).as("stored data after " + where).isEqualTo(snapshot);
    }

    /**
     * Every operation that takes a body, and the Cekura form variant, with a chunked body whose last chunk never
     * comes: the client half-closes the connection mid-chunk. The answer, if any arrives, is a 4xx in the vendor's
     * shape, never a 5xx, and nothing is stored.
     */
    @Example
    void chunkedBodiesThatEndEarly() throws Exception {
        int checked = 0;
        for (Operation op : OPERATIONS) {
            if (bodySchema(op) == null) {
                continue;
            }
            Malformed m = request(op, Map.of(), Map.of(), validBody(op), "chunked body that ends early");
            for (String type : List.of("application/json", "application/x-www-form-urlencoded")) {
                if (type.startsWith("application/x") && !isCekura(op)) {
                    continue;
                }
                String status = sendTruncatedChunked(m, type);
                String where = m.method() + " " + m.uri() + " (" + type + ", chunked, ends early) -> " + status;
                assertThat(status).as(where).matches("|HTTP/1\\.1 4\\d\\d.*");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(snapshot()).as("stored data after truncated chunked bodies").isEqualTo(snapshot);
    }

    /** The status line of the answer, or "" when the server closed the connection without one. */
    private static String sendTruncatedChunked(Malformed m, String contentType) throws Exception {
        URI uri = URI.create(base + m.uri());
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", uri.getPort())) {
            socket.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder()
                    .append(m.method())
                    .append(' ')
                    .append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n")
                    .append("Content-Type: ")
                    .append(contentType)
                    .append("\r\n");
            m.headers().forEach((name, value) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    head.append(name).append(": ").append(value).append("\r\n");
                }
            });
            head.append("\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            String part = m.body().substring(0, Math.min(5, m.body().length()));
            out.write(("64\r\n" + part).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.shutdownOutput();
            var reader = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            try {
                String line = reader.readLine();
                return line == null ? "" : line;
            } catch (java.net.SocketException e) {
                return "";
            }
        }
    }

    /** Everything stored, in a stable order: any change by a refused request shows here. */
    private static String snapshot() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of(
                "organizations",
                "api_keys",
                "personas",
                "share_links",
                "results",
                "result_share_tokens",
                "audit_events",
                "webhook_endpoints",
                "webhook_subscriptions",
                "webhook_deliveries",
                "link_uses")) {
            // a key's last use is written (at most once a minute) whenever it authenticates, refused body or not
            String columns =
                    table.equals("api_keys") ? "id, organization_id, name, key_hash, created_at, revoked_at" : "*";
            all.append(table)
                    .append(jdbc.sql("select " + columns + " from " + table + " order by 1")
                            .query()
                            .listOfRows());
        }
        return all.toString();
    }

    record Malformed(String method, String uri, Map<String, String> headers, String body, String defect) {
        @Override
        public String toString() {
            return method + " " + uri + " " + headers + " "
                    + (body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body) + " [" + defect
                    + "]";
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<Malformed> malformed() {
        return Arbitraries.of(OPERATIONS)
                .flatMap(op -> Combinators.combine(
                                defectsOf(op), Arbitraries.integers().between(0, 1_000), headerDefect())
                        .as((request, choice, header) -> header.apply(respelled(op, request, choice))));
    }

    /** A change to the request line or headers, named for the defect list. */
    record HeaderDefect(String name, java.util.function.UnaryOperator<Malformed> change) {
        Malformed apply(Malformed request) {
            return change.apply(request);
        }
    }

    /**
     * A third of the requests also get a header-level defect on top of their own: a content type with odd
     * parameters (multipart without or with a boundary that the body does not use, an unknown charset, no
     * subtype), an Accept that excludes JSON, a duplicated or very long header, an unusual method. The request
     * stays malformed by its own defect, so the answer must still be a 4xx in the vendor's shape. (A chunked
     * body that ends early cannot be sent with java.net.http; {@link #chunkedBodiesThatEndEarly} sends it on a socket.)
     */
    static Arbitrary<HeaderDefect> headerDefect() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(new HeaderDefect("none", m -> m))),
                Tuple.of(1, Arbitraries.of(headerDefects())));
    }

    static List<HeaderDefect> headerDefects() {
        List<HeaderDefect> defects = new ArrayList<>();
        for (String type : List.of(
                "multipart/form-data",
                "multipart/form-data; boundary=",
                "multipart/form-data; boundary=fuzz-boundary",
                "multipart/form-data; boundary=\"unterminated",
                "multipart/mixed",
                "multipart/mixed; boundary=x",
                "application/json; charset=nope",
                "application/json; charset=utf-16",
                "application/json;;;",
                "application/",
                "text/plain; charset=utf-8")) {
            defects.add(new HeaderDefect("Content-Type: " + type, m -> withContentType(m, type)));
        }
        for (String accept : List.of("application/xml", "text/html", "image/png", "application/json;q=0", "x")) {
            defects.add(new HeaderDefect("Accept: " + accept, m -> withHeader(m, "Accept", accept)));
        }
        defects.add(
                new HeaderDefect("duplicate Content-Type", m -> withContentType(m, "application/json, text/plain")));
        // beyond Tomcat's 8 KB of headers; only without a body, which java.net.http would still be writing when
        // Tomcat answers 400 and closes (the client then sees a broken pipe, not the answer)
        defects.add(new HeaderDefect(
                "long header", m -> m.body() != null ? m : withHeader(m, "X-Fuzz-Padding", "p".repeat(12_000))));
        defects.add(new HeaderDefect(
                "long header value list",
                m -> m.body() != null ? m : withHeader(m, "Accept", "application/json, ".repeat(600) + "*/*")));
        for (String method : List.of("PROPFIND", "FUZZ", "TRACE")) {
            defects.add(new HeaderDefect(
                    "method " + method,
                    m -> new Malformed(method, m.uri(), m.headers(), m.body(), m.defect() + ", method " + method)));
        }
        return defects;
    }

    /**
     * The pages (not in the specs) with every header-level defect, on tokens that were never issued: a 4xx page,
     * never a 5xx. Pages answer HTML; the shape checked is the status.
     */
    @Example
    void pagesRefuseHeaderLevelDefectsWithA4xx() throws Exception {
        int sent = 0;
        for (String page : List.of(
                "/share/sh_NeverIssued000000000000",
                "/frame/sh_NeverIssued000000000000",
                "/share/result/4242/NeverIssued00000000000000000000")) {
            for (HeaderDefect defect : headerDefects()) {
                Malformed m = defect.apply(new Malformed("GET", page, Map.of(), null, "page"));
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + m.uri()))
                        .timeout(Duration.ofSeconds(10))
                        .method(m.method(), HttpRequest.BodyPublishers.noBody());
                m.headers().forEach(builder::header);
                HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode())
                        .as(m.method() + " " + page + " [" + m.defect() + "] -> " + response.statusCode())
                        .isBetween(400, 499);
                sent++;
            }
        }
        assertThat(sent).isGreaterThan(40);
        assertThat(snapshot()).as("stored data after the pages' header defects").isEqualTo(snapshot);
    }

    /**
     * The console's sign-in form (not in the specs) with every header-level defect on a form body: refused (no CSRF
     * token, a wrong content type, a wrong token), never a 5xx, nothing stored.
     */
    @Example
    void theConsoleSignInRefusesHeaderLevelDefectsWithoutA5xx() throws Exception {
        int sent = 0;
        for (HeaderDefect defect : headerDefects()) {
            Malformed m = defect.apply(new Malformed(
                    "POST",
                    "/console/sign-in",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "token=not-the-admin-token",
                    "page"));
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + m.uri()))
                    .timeout(Duration.ofSeconds(10))
                    .method(
                            m.method(),
                            m.body() == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(m.body()));
            m.headers().forEach(builder::header);
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as(m.method() + " /console/sign-in [" + m.defect() + "] -> " + response.statusCode())
                    .isBetween(400, 499);
            sent++;
        }
        assertThat(sent).isGreaterThan(10);
        assertThat(snapshot())
                .as("stored data after the sign-in's header defects")
                .isEqualTo(snapshot);
    }

    /** Not over a wrong content type: that defect would be undone and the request could be valid. */
    private static Malformed withContentType(Malformed m, String type) {
        if (m.defect().startsWith("content type")) {
            return m;
        }
        // Cekura's create takes multipart: a body without a part of that boundary is an empty form there, all
        // defaults, which DRF (Django's MultiPartParser finds no parts) accepts too
        if (type.contains("boundary=fuzz")
                && URI.create(base + m.uri()).getPath().endsWith("/create_shareable_link_token/")) {
            return m;
        }
        return withHeader(m, "Content-Type", type);
    }

    private static Malformed withHeader(Malformed m, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(m.headers());
        headers.put(name, value);
        return new Malformed(
                m.method(), m.uri(), headers, m.body(), m.defect() + ", " + name + ": " + abbreviated(value));
    }

    private static String abbreviated(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "... (" + value.length() + " chars)" : value;
    }

    /**
     * Half of the requests spell their path another way the handler mapping reads as the same: one unreserved
     * character of a static segment percent-encoded (every filter must decide on the path the controllers see).
     */
    static Malformed respelled(Operation op, Malformed request, int choice) {
        if (choice % 2 == 0) {
            return request;
        }
        String[] template = op.path().split("/", -1);
        int query = request.uri().indexOf('?');
        String path = query < 0 ? request.uri() : request.uri().substring(0, query);
        String rest = query < 0 ? "" : request.uri().substring(query);
        String[] segments = path.split("/", -1);
        List<int[]> candidates = new ArrayList<>();
        for (int s = 0; s < template.length && s < segments.length; s++) {
            if (!template[s].startsWith("{")) {
                for (int c = 0; c < template[s].length(); c++) {
                    char ch = template[s].charAt(c);
                    if (Character.isLetterOrDigit(ch) || ch == '-' || ch == '_') {
                        candidates.add(new int[] {s, c});
                    }
                }
            }
        }
        int[] pick = candidates.get((choice / 2) % candidates.size());
        String segment = segments[pick[0]];
        segments[pick[0]] = segment.substring(0, pick[1])
                + String.format("%%%02X", (int) segment.charAt(pick[1]))
                + segment.substring(pick[1] + 1);
        return new Malformed(
                request.method(),
                String.join("/", segments) + rest,
                request.headers(),
                request.body(),
                request.defect() + ", path spelled " + segments[pick[0]]);
    }

    private static Arbitrary<Malformed> defectsOf(Operation op) {
        List<Arbitrary<Malformed>> defects = new ArrayList<>();
        List<JsonNode> pathParams = params(op, "path").stream()
                .filter(p -> !"token".equals(p.path("name").asText()))
                .toList();
        if (!pathParams.isEmpty()) {
            defects.add(Combinators.combine(Arbitraries.of(pathParams), badValue())
                    .as((param, bad) -> request(
                            op,
                            Map.of(param.path("name").asText(), bad.get1()),
                            Map.of(),
                            validBody(op),
                            "path " + param.path("name").asText() + ": " + bad.get2())));
        }
        List<JsonNode> queryParams = params(op, "query").stream()
                .filter(p -> !badQueryValues(op, p).isEmpty())
                .toList();
        if (!queryParams.isEmpty()) {
            defects.add(Arbitraries.of(queryParams)
                    .flatMap(param -> Arbitraries.of(badQueryValues(op, param))
                            .map(bad -> request(
                                    op,
                                    Map.of(),
                                    Map.of(param.path("name").asText(), bad),
                                    null,
                                    "query " + param.path("name").asText()))));
        }
        JsonNode schema = bodySchema(op);
        if (schema != null) {
            defects.add(badBody(op, schema));
            defects.add(Arbitraries.of("text/plain", "application/xml", "image/png", "")
                    .map(type -> {
                        Malformed m = request(op, Map.of(), Map.of(), "{\"x\": 1}", "content type '" + type + "'");
                        Map<String, String> headers = new LinkedHashMap<>(m.headers());
                        if (type.isEmpty()) {
                            headers.remove("Content-Type");
                        } else {
                            headers.put("Content-Type", type);
                        }
                        return new Malformed(m.method(), m.uri(), headers, m.body(), m.defect());
                    }));
            defects.add(Arbitraries.integers()
                    .between(17, 40)
                    .map(kb -> request(
                            op, Map.of(), Map.of(), "{\"pad\": \"" + "x".repeat(kb * 1024) + "\"}", "oversized body")));
        }
        if (!isPublic(op)) {
            defects.add(Arbitraries.of("none", "wrong", "other scheme").map(kind -> {
                Malformed m = request(op, Map.of(), Map.of(), validBody(op), "credentials: " + kind);
                Map<String, String> headers = new LinkedHashMap<>(m.headers());
                headers.remove("Authorization");
                headers.remove("X-CEKURA-API-KEY");
                if (kind.equals("wrong")) {
                    headers.put(
                            isCekura(op) ? "X-CEKURA-API-KEY" : "Authorization",
                            isCekura(op) ? "sk_wrong" : "Bearer sk_wrong");
                } else if (kind.equals("other scheme")) {
                    headers.put(
                            "Authorization",
                            "Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes()));
                }
                return new Malformed(m.method(), m.uri(), headers, m.body(), m.defect());
            }));
        }
        if (defects.isEmpty()) {
            // the public operations: nothing but a token, and any token that is not issued is a 404
            return badValue()
                    .map(bad -> request(op, Map.of("token", bad.get1()), Map.of(), null, "token: " + bad.get2()));
        }
        return Arbitraries.oneOf(defects);
    }

    /** A value that is neither a UUID nor a positive integer nor an issued token, and why. */
    private static Arbitrary<Tuple.Tuple2<String, String>> badValue() {
        return Arbitraries.oneOf(
                        Arbitraries.strings()
                                .all()
                                .ofMinLength(1)
                                .ofMaxLength(40)
                                .map(s -> Tuple.of(s, "unicode")),
                        Arbitraries.strings()
                                .withCharRange('\u0000', '\u001f')
                                .ofMinLength(1)
                                .ofMaxLength(5)
                                .map(s -> Tuple.of(s, "control characters")),
                        Arbitraries.strings().alpha().ofLength(2_000).map(s -> Tuple.of(s, "overlong")),
                        Arbitraries.of(
                                        "-1",
                                        "0",
                                        "1.5",
                                        "1e3",
                                        "NaN",
                                        "Infinity",
                                        "99999999999999999999999",
                                        "true",
                                        "null",
                                        "[]",
                                        "{}",
                                        "%",
                                        "%zz",
                                        "%00")
                                .map(s -> Tuple.of(s, "not a valid id")),
                        Arbitraries.strings()
                                .withChars("0123456789abcdefg-")
                                .ofLength(36)
                                .map(s -> Tuple.of(s, "uuid-like")))
                .filter(value -> !isValidId(value.get1()));
    }

    /** Would the server read this as an id (a UUID, or a positive integer as Spring parses it)? Then it is no defect. */
    private static boolean isValidId(String value) {
        try {
            UUID.fromString(value.strip());
            return true;
        } catch (IllegalArgumentException notUuid) {
            // go on
        }
        try {
            return org.springframework.util.NumberUtils.parseNumber(value, Long.class) > 0;
        } catch (IllegalArgumentException notNumber) {
            return false;
        }
    }

    private static List<String> badQueryValues(Operation op, JsonNode param) {
        JsonNode schema = SpecFiles.resolve(op.document(), param.path("schema"));
        String name = param.path("name").asText();
        if ("integer".equals(schema.path("type").asText())) {
            List<String> values = new ArrayList<>(List.of("1.5", "abc", "99999999999999999999", "1e2"));
            if (schema.has("minimum")) {
                values.add(Long.toString(schema.path("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                values.add(Long.toString(schema.path("maximum").asLong() + 1));
            }
            return values;
        }
        if ("uuid".equals(schema.path("format").asText())) {
            return List.of("nope", "1234", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "\u0000");
        }
        if ("date-time".equals(schema.path("format").asText())) {
            return List.of("yesterday", "2026-13-01T00:00:00Z", "1");
        }
        if (schema.has("enum")) {
            return List.of("planet", "apikey", "share link");
        }
        if ("cursor".equals(name)) {
            return List.of("abc", "-5", "0", "1.5");
        }
        if (schema.has("maxLength")) {
            return List.of("x".repeat(schema.path("maxLength").asInt() + 1), "a\u0000b");
        }
        if ("search".equals(name)) {
            return List.of("a\u0000b");
        }
        return List.of();
    }

    private static Arbitrary<Malformed> badBody(Operation op, JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties")
                .fields()
                .forEachRemaining(p -> properties.put(p.getKey(), SpecFiles.resolve(op.document(), p.getValue())));
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        String valid = validBody(op);

        List<Arbitrary<Malformed>> bodies = new ArrayList<>();
        bodies.add(Arbitraries.of("[]", "[1, 2]", "\"text\"", "42", "true", "null")
                .map(b -> request(op, Map.of(), Map.of(), b, "body is not an object")));
        bodies.add(Arbitraries.integers()
                .between(1, Math.max(1, valid.length() - 1))
                .map(cut -> request(op, Map.of(), Map.of(), valid.substring(0, cut), "truncated JSON")));
        bodies.add(Arbitraries.integers()
                .between(40, 3_000)
                .map(depth -> request(
                        op,
                        Map.of(),
                        Map.of(),
                        "{\"a\": " + "[".repeat(depth) + "]".repeat(depth) + "}",
                        "nested too deep")));
        bodies.add(Arbitraries.of(
                        "{\"x\": NaN}",
                        "{\"x\": Infinity}",
                        "{\"x\": -Infinity}",
                        "{'x': 1}",
                        "{x: 1}",
                        "{\"x\": 1,}",
                        "{\"x\": 01}",
                        "{\"x\": 1} {\"y\": 2}",
                        "\uFEFF{\"x\":1")
                .map(b -> request(op, Map.of(), Map.of(), b, "not JSON / NUL")));
        if (!properties.isEmpty()) {
            bodies.add(Combinators.combine(
                            Arbitraries.of(new ArrayList<>(properties.keySet())),
                            Arbitraries.integers().between(0, 20))
                    .flatAs((field, salt) -> Arbitraries.of(wrongValues(properties.get(field)))
                            .map(value -> {
                                ObjectNodeBuilder b = new ObjectNodeBuilder(valid);
                                b.put(field, value);
                                if (salt % 3 == 0) {
                                    b.put("unexpected_" + salt, "\"extra\"");
                                }
                                return request(op, Map.of(), Map.of(), b.toString(), "field " + field + " = " + value);
                            })));
        }
        if (!required.isEmpty()) {
            bodies.add(Arbitraries.of(required).map(field -> {
                ObjectNodeBuilder b = new ObjectNodeBuilder(valid);
                b.remove(field);
                b.put("extra", "1");
                return request(op, Map.of(), Map.of(), b.toString(), "missing " + field);
            }));
        }
        return Arbitraries.oneOf(bodies);
    }

    /** Values the schema of a field rules out. */
    private static List<String> wrongValues(JsonNode schema) {
        List<String> types = new ArrayList<>();
        if (schema.path("type").isArray()) {
            schema.path("type").forEach(t -> types.add(t.asText()));
        } else {
            types.add(schema.path("type").asText());
        }
        List<String> values = new ArrayList<>();
        if (!types.contains("string")) {
            values.addAll(List.of("\"10\"", "\"\\u0000\""));
        }
        if (!types.contains("number") && !types.contains("integer")) {
            values.addAll(List.of("7", "-1.5"));
        }
        if (!types.contains("boolean")) {
            values.add("true");
        }
        if (!types.contains("object")) {
            values.add("{\"nested\": {}}");
        }
        if (!types.contains("array")) {
            values.add("[1, \"two\"]");
        }
        if (types.contains("number") || types.contains("integer")) {
            // every number our APIs take is positive and bounded
            values.addAll(List.of("-1", "0", "1e400", "-0.0", "99999999999999999999999999"));
        }
        if (types.contains("string")) {
            values.add("\"a\\u0000b\"");
            if (schema.has("maxLength")) {
                values.add("\"" + "y".repeat(schema.path("maxLength").asInt() + 1) + "\"");
            }
            if (schema.has("enum") || schema.has("pattern") || schema.has("format") || schema.has("minLength")) {
                values.add("\"\"");
            }
        }
        if (types.contains("array")) {
            values.addAll(List.of("[1]", "[\"not an origin\"]", "[null]"));
        }
        if (types.contains("object") && schema.has("properties")) {
            // the object's own first property, with a value of a type it does not take
            var first = schema.path("properties").fields().next();
            boolean takesStrings = first.getValue().path("type").toString().contains("string");
            values.add("{\"" + first.getKey() + "\": " + (takesStrings ? "7" : "\"yes\"") + "}");
        }
        return values;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Malformed request(
            Operation op, Map<String, String> pathOverrides, Map<String, String> query, String body, String defect) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(op.path());
        StringBuilder uri = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value =
                    pathOverrides.containsKey(name) ? pathOverrides.get(name) : fixtures.get(fixtureKey(op, name));
            m.appendReplacement(uri, Matcher.quoteReplacement(encode(value)));
        }
        m.appendTail(uri);
        if (!query.isEmpty()) {
            StringBuilder q = new StringBuilder();
            query.forEach((k, v) ->
                    q.append(q.isEmpty() ? "?" : "&").append(k).append('=').append(encode(v)));
            uri.append(q);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (isCekura(op)) {
            headers.put("X-CEKURA-API-KEY", apiKey);
        } else if (op.path().startsWith("/admin/")) {
            headers.put("Authorization", "Bearer test-admin-token");
        } else if (!isPublic(op)) {
            headers.put("Authorization", "Bearer " + apiKey);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new Malformed(op.method().toUpperCase(), uri.toString(), headers, body, defect);
    }

    private static String fixtureKey(Operation op, String param) {
        if (param.equals("id")) {
            return isCekura(op) ? "result" : op.path().startsWith("/v1/webhook-endpoints") ? "webhookEndpoint" : "link";
        }
        return param.equals("endpointId") ? "webhookEndpoint" : param;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String validBody(Operation op) {
        JsonNode schema = bodySchema(op);
        if (schema == null) {
            return null;
        }
        return switch (op.operationId()) {
            case "createShareLink" -> "{\"personaId\": \"" + fixtures.get("personaId") + "\", \"usageLimit\": 5}";
            case "updateShareLink" -> "{\"usageLimit\": 5}";
            case "createOrganization", "updateOrganization", "createApiKey", "putPersona" -> "{\"name\": \"Fuzzed\"}";
            case "updateShareLinkSettings" -> "{\"enabled\": true}";
            case "putResult" -> "{\"status\": \"passed\"}";
            case "createWebhookEndpoint" ->
                "{\"url\": \"https://hooks.fuzz.invalid/\", \"eventTypes\": [\"share_link.created\"]}";
            case "updateWebhookEndpoint" -> "{\"enabled\": true}";
            default -> "{\"expire_at\": \"2099-01-01T00:00:00Z\"}";
        };
    }

    private static JsonNode bodySchema(Operation op) {
        JsonNode body = SpecFiles.resolve(op.document(), op.node().path("requestBody"));
        if (body.isMissingNode()) {
            return null;
        }
        JsonNode json = body.path("content").path("application/json").path("schema");
        return SpecFiles.resolve(op.document(), json);
    }

    private static List<JsonNode> params(Operation op, String in) {
        List<JsonNode> params = new ArrayList<>();
        for (JsonNode list : List.of(op.pathItem().path("parameters"), op.node().path("parameters"))) {
            list.forEach(p -> {
                JsonNode resolved = SpecFiles.resolve(op.document(), p);
                if (in.equals(resolved.path("in").asText())) {
                    params.add(resolved);
                }
            });
        }
        return params;
    }

    private static boolean isCekura(Operation op) {
        return op.path().startsWith("/test_framework/");
    }

    /** No credentials: the operation's (or its document's) security is empty. */
    private static boolean isPublic(Operation op) {
        JsonNode security = op.node().has("security")
                ? op.node().path("security")
                : op.document().path("security");
        return security.isArray() && security.isEmpty();
    }

    /** The fixture the valid parts of every request point at: an organisation with all it can own. */
    private static Map<String, String> createFixtures() throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        String org = admin(
                "POST",
                "/admin/v1/organizations",
                "{\"name\": \"Fuzz\", \"plan\": {\"removeWatermark\": true, \"whitelabelReports\": true}}");
        ids.put("orgId", JsonPath.read(org, "$.id"));
        String key = admin("POST", "/admin/v1/organizations/" + ids.get("orgId") + "/api-keys", "{\"name\": \"fuzz\"}");
        ids.put("keyId", JsonPath.read(key, "$.id"));
        apiKey = JsonPath.read(key, "$.key");
        ids.put("personaId", UUID.randomUUID().toString());
        admin(
                "PUT",
                "/admin/v1/organizations/" + ids.get("orgId") + "/personas/" + ids.get("personaId"),
                "{\"name\": \"Fuzz persona\"}");
        ids.put("resultId", "4242");
        ids.put("result", "4242");
        admin("PUT", "/admin/v1/organizations/" + ids.get("orgId") + "/results/4242", "{\"status\": \"passed\"}");
        HttpResponse<String> link = http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/share-links"))
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"personaId\": \"" + ids.get("personaId") + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(link.statusCode()).isEqualTo(201);
        ids.put("link", JsonPath.read(link.body(), "$.id"));
        // an endpoint for an event the fuzzing never causes, with one delivered event: nothing is sent
        HttpResponse<String> endpoint = http.send(
                HttpRequest.newBuilder(URI.create(base + "/v1/webhook-endpoints"))
                        .header("Authorization", "Bearer " + apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"url\": \"https://hooks.fuzz.invalid/\", \"eventTypes\": [\"result_link.opened\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(endpoint.statusCode()).isEqualTo(201);
        ids.put("webhookEndpoint", JsonPath.read(endpoint.body(), "$.id"));
        ids.put("eventId", UUID.randomUUID().toString());
        jdbc.sql("""
                        insert into webhook_deliveries (event_id, endpoint_id, organization_id, event_type, payload,
                            created_at, status, attempts, round_attempts)
                        values (:event, :endpoint, :org, 'result_link.opened', '{}', current_timestamp, 'DELIVERED', 1, 1)""")
                .param("event", UUID.fromString(ids.get("eventId")))
                .param("endpoint", UUID.fromString(ids.get("webhookEndpoint")))
                .param("org", UUID.fromString(ids.get("orgId")))
                .update();
        return ids;
    }

    private static String admin(String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer test-admin-token")
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 201);
        return response.body();
    }

    /** Edits the top level of a JSON object given as text, keeping values as raw JSON. */
    private static final class ObjectNodeBuilder {
        private final Map<String, String> fields = new LinkedHashMap<>();

        ObjectNodeBuilder(String json) {
            try {
                JSON.readTree(json)
                        .fields()
                        .forEachRemaining(
                                f -> fields.put(f.getKey(), f.getValue().toString()));
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
        }

        void put(String field, String rawValue) {
            fields.put(field, rawValue);
        }

        void remove(String field) {
            fields.remove(field);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("{");
            fields.forEach((k, v) -> out.append(out.length() > 1 ? ", " : "")
                    .append('"')
                    .append(k)
                    .append("\": ")
                    .append(v));
            return out.append('}').toString();
        }
    }
}
