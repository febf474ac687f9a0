package dev.sharelinks.operability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sharelinks.support.EmbeddedPostgres;
import dev.sharelinks.support.HttpCalls;
import dev.sharelinks.support.HttpCalls.Tenant;
import dev.sharelinks.support.ServerProcess;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The server as a process: JSON log lines on request (one per request, with its id), and a SIGTERM that lets
 * the request in flight finish before the process exits.
 */
class ProcessLogsAndShutdownTests {

    @Test
    void jsonLinesCarryTheRequestIdAndSigtermFinishesTheRequestInFlight() throws Exception {
        ServerProcess server = ServerProcess.start(
                EmbeddedPostgres.newDatabase(),
                "json-logs",
                "--logging.structured.format.console=ecs",
                "--logging.level.sharelinks.requests=INFO",
                "--logging.level.org.springframework.boot.tomcat=INFO");
        try {
            Tenant tenant = Tenant.create(server.baseUrl(), "Logged");
            var response = HttpCalls.send("GET", server.baseUrl() + "/actuator/health/liveness", null, null);
            String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
            Thread.sleep(300);
            JsonNode line = null;
            for (String text :
                    server.output().lines().filter(l -> l.contains(requestId)).toList()) {
                line = new ObjectMapper().readTree(text);
            }
            assertThat(line).as("a JSON line with the request id " + requestId).isNotNull();
            assertThat(line.toString()).contains("\"sharelinks.requests\"");
            assertThat(line.path("message").asText()).startsWith("GET /actuator/health/liveness 200");
            assertThat(line.toString()).contains("\"requestId\":\"" + requestId + "\"");
            assertThat(server.output()).doesNotContain(tenant.bearer().substring("Bearer ".length()));

            // a create whose body is still arriving when SIGTERM comes
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                String body = "{\"personaId\": \"" + tenant.personaId() + "\"}";
                out.write(("POST /v1/share-links HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + tenant.bearer()
                                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(chunk(body.substring(0, 10)));
                out.flush();
                Thread.sleep(500);
                server.terminate();
                Thread.sleep(1_000);
                out.write(chunk(body.substring(10)));
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 201");
            }
            assertThat(server.awaitExit(Duration.ofSeconds(30)))
                    .as("the process exits after the request")
                    .isTrue();
            assertThat(server.output()).contains("Graceful shutdown complete");
        } finally {
            server.kill();
        }
    }

    private static byte[] chunk(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return (Integer.toHexString(data.length) + "\r\n" + text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
