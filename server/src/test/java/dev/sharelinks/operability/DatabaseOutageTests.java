package dev.sharelinks.operability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.ShareLinksApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away under a running service and comes back: readiness says so, the API answers 503 in
 * the vendor's shape within a bounded time (not 500, not hanging), and both recover by themselves.
 */
class DatabaseOutageTests {

    @Test
    void readinessAndApiFollowTheDatabase() throws Exception {
        Path data = Files.createTempDirectory("outage-pg");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start();
        int pgPort = postgres.getPort();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ShareLinksApplication.class)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--sharelinks.demo-data=false",
                        "--sharelinks.key-encryption-key=" + dev.sharelinks.support.ServerProcess.KEY_ENCRYPTION_KEY,
                        "--logging.level.com.zaxxer=OFF",
                        "--logging.level.org.springframework.jdbc=OFF")) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(get(base + "/v1/public/share-links/sh_whatever").statusCode())
                    .isEqualTo(404);

            postgres.close();
            Instant start = Instant.now();
            HttpResponse<String> api = get(base + "/v1/public/share-links/sh_whatever");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.body()).contains("\"error\":\"Service Unavailable\"");
            assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(503);
            assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);

            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(pgPort)
                    .start();
            Instant deadline = Instant.now().plusSeconds(30);
            int status = 0;
            while (Instant.now().isBefore(deadline)
                    && (status = get(base + "/actuator/health/readiness").statusCode()) != 200) {
                Thread.sleep(500);
            }
            assertThat(status).isEqualTo(200);
            assertThat(get(base + "/v1/public/share-links/sh_whatever").statusCode())
                    .isEqualTo(404);
        } finally {
            postgres.close();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
