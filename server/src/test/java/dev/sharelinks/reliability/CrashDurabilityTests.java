package dev.sharelinks.reliability;

import static dev.sharelinks.support.HttpCalls.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.EmbeddedPostgres;
import dev.sharelinks.support.HttpCalls;
import dev.sharelinks.support.HttpCalls.Tenant;
import dev.sharelinks.support.ServerProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The server, as its own process on PostgreSQL, is killed with SIGKILL in the middle of concurrent session
 * claims, then started again. For every link: acknowledged claims (201s received) ≤ stored usageCount ≤
 * attempts; and no link, key, persona, result or token row is lost or altered, apart from the counters.
 */
class CrashDurabilityTests {

    private static final int THREADS = 32;
    private static final int LINKS = 20;

    record Counts(AtomicInteger attempts, AtomicInteger acknowledged) {
        Counts() {
            this(new AtomicInteger(), new AtomicInteger());
        }
    }

    @Test
    void acknowledgedClaimsSurviveSigkillAndNothingElseChanges() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        JdbcClient db = jdbc(url);
        Map<String, Counts> counts = new ConcurrentHashMap<>();
        List<String> tokens = new ArrayList<>();
        String rowsBefore;
        int killedAfterAcks;

        ServerProcess first = ServerProcess.start(url, "crash-1");
        try {
            String base = first.baseUrl();
            Tenant tenant = Tenant.create(base, "Crash");
            for (int i = 0; i < LINKS; i++) {
                // limits from 50 to 1,000,000: some links run out during the load, most do not
                String link = tenant.createLink(base, i % 4 == 0 ? 50 : 1_000_000);
                tokens.add(JsonPath.read(link, "$.token"));
                counts.put(JsonPath.read(link, "$.token"), new Counts());
            }
            expect(
                    200,
                    "PUT",
                    base + "/admin/v1/organizations/" + tenant.orgId() + "/results/77",
                    "Bearer " + ServerProcess.ADMIN_TOKEN,
                    "{\"score\": 0.5}");
            rowsBefore = rowsApartFromCounters(db);

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger acks = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            for (int t = 0; t < THREADS; t++) {
                pool.submit(() -> {
                    while (!stop.get()) {
                        String token = tokens.get(ThreadLocalRandom.current().nextInt(tokens.size()));
                        Counts c = counts.get(token);
                        c.attempts().incrementAndGet();
                        try {
                            HttpResponse<String> response = HttpCalls.HTTP.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(base + "/v1/public/share-links/" + token + "/sessions"))
                                            .timeout(Duration.ofSeconds(10))
                                            .POST(HttpRequest.BodyPublishers.noBody())
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 201) {
                                c.acknowledged().incrementAndGet();
                                acks.incrementAndGet();
                            }
                        } catch (Exception connectionLost) {
                            // the server is gone: this attempt may or may not have been counted
                        }
                    }
                });
            }
            // kill in the middle of the load, once plenty of claims are in flight
            while (acks.get() < 2_000) {
                Thread.sleep(20);
            }
            first.kill();
            killedAfterAcks = acks.get();
            Thread.sleep(500);
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            first.kill();
        }

        try (ServerProcess second = ServerProcess.start(url, "crash-2")) {
            int totalStored = 0;
            for (String token : tokens) {
                Counts c = counts.get(token);
                int stored = db.sql("select usage_count from share_links where token = :t")
                        .param("t", token)
                        .query(Integer.class)
                        .single();
                int limit = db.sql("select usage_limit from share_links where token = :t")
                        .param("t", token)
                        .query(Integer.class)
                        .single();
                assertThat(stored)
                        .as("stored usage_count vs acknowledged claims")
                        .isGreaterThanOrEqualTo(c.acknowledged().get());
                assertThat(stored)
                        .as("stored usage_count vs attempts")
                        .isLessThanOrEqualTo(c.attempts().get());
                assertThat(stored).as("stored usage_count vs limit").isLessThanOrEqualTo(limit);
                totalStored += stored;
            }
            assertThat(rowsApartFromCounters(db))
                    .as("every other row, after the crash")
                    .isEqualTo(rowsBefore);
            // the restarted server serves the same links
            HttpResponse<String> again = HttpCalls.send(
                    "POST", second.baseUrl() + "/v1/public/share-links/" + tokens.get(1) + "/sessions", null, null);
            assertThat(again.statusCode()).isEqualTo(201);
            System.out.printf(
                    "CrashDurabilityTests: SIGKILL after %d acknowledged claims; %d stored, %d attempts%n",
                    killedAfterAcks,
                    totalStored,
                    counts.values().stream().mapToInt(c -> c.attempts().get()).sum());
        }
    }

    /** Every row of every table, with a link's use counters (and the time they change) left out. */
    private static String rowsApartFromCounters(JdbcClient db) {
        StringBuilder rows = new StringBuilder();
        for (String table :
                List.of("organizations", "api_keys", "personas", "results", "result_share_tokens", "audit_events")) {
            rows.append(table)
                    .append(db.sql("select * from " + table + " order by 1")
                            .query()
                            .listOfRows());
        }
        rows.append(db.sql("""
                select id, organization_id, persona_id, persona_name, token, link_type, expires_at, usage_limit,
                       allowed_origins, allow_all_origins, remove_watermark, enabled, primary_persona_id, created_at
                from share_links order by id""").query().listOfRows());
        return rows.toString();
    }

    static JdbcClient jdbc(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        return JdbcClient.create(dataSource);
    }
}
