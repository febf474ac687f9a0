package dev.sharelinks.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.client.examples.AnamExample;
import dev.sharelinks.client.examples.CekuraExample;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's Anam and Cekura examples once more, against the server itself (the jar the build just packaged,
 * started as a user starts it) rather than the contract stubs, which check no dates: an example whose dates have
 * passed, or that asks for something the server refuses, fails here.
 */
class ReadmeExamplesAgainstServerTests {

    private static final String ADMIN = "Bearer readme-examples-admin-token";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Process server;
    private static String base;
    private static String apiKey;
    private static UUID persona;
    private static int result;

    @BeforeAll
    static void startTheServer() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("..", "server", "target"))) {
            jar = files.filter(f -> f.getFileName().toString().startsWith("sharelinks-server-")
                            && f.getFileName().toString().endsWith(".jar")
                            && !f.getFileName().toString().contains("-stubs"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no server jar: run ./mvnw verify, not test alone"));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        Path log = Path.of("target", "readme-examples-server.log");
        server = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--spring.datasource.url=jdbc:h2:mem:readme-examples",
                        "--sharelinks.admin-token=" + ADMIN.substring("Bearer ".length()),
                        "--sharelinks.demo-data=false"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitReady();
        String org = field(
                call(
                        "POST",
                        "/admin/v1/organizations",
                        ADMIN,
                        "{\"name\": \"README\", \"plan\": {\"removeWatermark\": false, \"whitelabelReports\": true}}"),
                "id");
        apiKey = field(call("POST", "/admin/v1/organizations/" + org + "/api-keys", ADMIN, "{\"name\": \"k\"}"), "key");
        persona = UUID.randomUUID();
        call("PUT", "/admin/v1/organizations/" + org + "/personas/" + persona, ADMIN, "{\"name\": \"Guide\"}");
        result = 4711;
        call("PUT", "/admin/v1/organizations/" + org + "/results/" + result, ADMIN, "{\"status\": \"passed\"}");
    }

    @AfterAll
    static void stopTheServer() {
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void theAnamExampleRunsAgainstTheServer() throws Exception {
        String[] out = new String[1];
        String printed = StandardOutput.of(() -> out[0] = AnamExample.run(base, apiKey, persona, UUID.randomUUID()));
        assertThat(out[0]).matches("sh_[0-9A-Za-z]{22} 50 1");
        assertThat(printed).contains("not found: 404").contains("bad request: 400");
    }

    @Test
    void theCekuraExampleRunsAgainstTheServer() throws Exception {
        String[] out = new String[1];
        String printed = StandardOutput.of(() -> out[0] = CekuraExample.run(base, apiKey, result, result + 1));
        assertThat(out[0]).matches("[0-9A-Za-z]{32} passed");
        assertThat(printed)
                .contains("send this to the reader: http://localhost:")
                .contains("not found: 404")
                .contains("bad request: 400")
                .contains("Expiration must be in the future.");
    }

    private static void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("server exited with " + server.exitValue());
            }
            try {
                if (HTTP.send(
                                        HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server not ready in 90 s");
    }

    private static String call(String method, String path, String authorization, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 201);
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }
}
