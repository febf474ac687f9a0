package dev.sharelinks.reliability;

import static dev.sharelinks.support.HttpCalls.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.EmbeddedPostgres;
import dev.sharelinks.support.HttpCalls;
import dev.sharelinks.support.HttpCalls.Tenant;
import dev.sharelinks.support.ServerProcess;
import dev.sharelinks.support.WebhookReceiver;
import dev.sharelinks.support.WebhookReceiver.Answer;
import dev.sharelinks.support.WebhookReceiver.Received;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhooks from a fleet: two server processes on one PostgreSQL database deliver the same outbox. No event is
 * attempted by both at once, a receiver that fails three times gets the event on the fourth attempt, 410 disables
 * the endpoint; and after one instance is killed with SIGKILL in the middle of claims and deliveries, every
 * committed use reaches the receiver at least once (counted by webhook-id), the duplicates counted; and an instance
 * that does not deliver leaves its events to one that does.
 */
class WebhooksAcrossInstancesTests {

    /** Short schedule and lease, so that the test need not wait a minute for a dead instance's lease. */
    private static final String[] WEBHOOKS = {
        "--sharelinks.webhooks.allow-loopback=true",
        "--sharelinks.webhooks.retry-schedule=0s,200ms,200ms,200ms,200ms",
        "--sharelinks.webhooks.jitter=0",
        "--sharelinks.webhooks.poll-interval=50ms",
        "--sharelinks.webhooks.subscription-cache=100ms",
        "--sharelinks.webhooks.timeout=2s",
        "--sharelinks.webhooks.lease=3s"
    };

    @Test
    void twoInstancesNeverAttemptOneEventAtOnceAndRetriesReachTheReceiver() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        try (WebhookReceiver receiver = WebhookReceiver.on("127.0.0.1");
                ServerProcess a = ServerProcess.start(url, "webhooks-a", WEBHOOKS);
                ServerProcess b = ServerProcess.start(url, "webhooks-b", WEBHOOKS)) {
            // every event fails three times, then is taken; each answer takes 30 ms, so attempts have a width
            Map<String, AtomicInteger> seen = new java.util.concurrent.ConcurrentHashMap<>();
            receiver.delay(Duration.ofMillis(30)).respond(request -> {
                if (request.path().equals("/gone")) {
                    return new Answer(410, Map.of(), "gone");
                }
                int n = seen.computeIfAbsent(request.id(), id -> new AtomicInteger())
                        .incrementAndGet();
                return new Answer(n <= 3 ? 500 : 200, Map.of(), "attempt " + n);
            });
            Tenant tenant = Tenant.create(a.baseUrl(), "Fleet");
            endpoint(a, tenant, receiver.url("/hooks"), "share_link.created");
            Thread.sleep(300); // both instances' subscription caches have seen the endpoint
            int links = 40;
            for (int i = 0; i < links; i++) {
                tenant.createLink((i % 2 == 0 ? a : b).baseUrl(), 10);
            }
            List<Received> all = receiver.await(r -> r.path().equals("/hooks"), links * 4, Duration.ofSeconds(60));
            Thread.sleep(500);
            Map<String, Long> perEvent =
                    receiver.received().stream().collect(Collectors.groupingBy(Received::id, Collectors.counting()));
            assertThat(perEvent).hasSize(links);
            assertThat(perEvent.values())
                    .as("attempts per event: three failures, then the delivery")
                    .containsOnly(4L);
            assertThat(receiver.overlappingAttempts())
                    .as("attempts of one event while another attempt of it was under way")
                    .isZero();
            assertThat(all).hasSizeGreaterThanOrEqualTo(links * 4);
            assertThat(attemptsMadeBy(a) + attemptsMadeBy(b)).isEqualTo(links * 4);
            assertThat(attemptsMadeBy(a)).as("attempts made by instance a").isPositive();
            assertThat(attemptsMadeBy(b)).as("attempts made by instance b").isPositive();

            // 410 disables the endpoint, seen from the other instance too
            String gone = endpoint(b, tenant, receiver.url("/gone"), "share_link.deleted");
            Thread.sleep(300);
            String link = tenant.createLink(a.baseUrl(), 1);
            expect(
                    200,
                    "DELETE",
                    a.baseUrl() + "/v1/share-links/" + JsonPath.read(link, "$.id"),
                    tenant.bearer(),
                    null);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            String endpoint;
            do {
                Thread.sleep(50);
                endpoint = expect(200, "GET", a.baseUrl() + "/v1/webhook-endpoints/" + gone, tenant.bearer(), null);
            } while (JsonPath.<Boolean>read(endpoint, "$.enabled") && System.nanoTime() < deadline);
            assertThat(JsonPath.<Boolean>read(endpoint, "$.enabled")).isFalse();
            assertThat(JsonPath.<String>read(endpoint, "$.disabledReason")).contains("410 Gone");
        }
    }

    @Test
    void afterSigkillEveryCommittedUseReachesTheReceiverAtLeastOnce() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        JdbcClient db = jdbc(url);
        try (WebhookReceiver receiver = WebhookReceiver.on("127.0.0.1")) {
            receiver.delay(Duration.ofMillis(5));
            ServerProcess a = ServerProcess.start(url, "webhooks-crash-a", WEBHOOKS);
            ServerProcess b = ServerProcess.start(url, "webhooks-crash-b", WEBHOOKS);
            List<String> tokens = new ArrayList<>();
            AtomicInteger acknowledged = new AtomicInteger();
            try {
                Tenant tenant = Tenant.create(a.baseUrl(), "Crash webhooks");
                endpoint(a, tenant, receiver.url("/hooks"), "share_link.session_started");
                for (int i = 0; i < 10; i++) {
                    tokens.add(JsonPath.read(tenant.createLink(a.baseUrl(), 1_000_000), "$.token"));
                }
                Thread.sleep(300);
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService pool = Executors.newFixedThreadPool(16);
                for (int t = 0; t < 16; t++) {
                    String base = (t % 2 == 0 ? a : b).baseUrl();
                    pool.submit(() -> {
                        while (!stop.get()) {
                            String token =
                                    tokens.get(ThreadLocalRandom.current().nextInt(tokens.size()));
                            try {
                                HttpResponse<String> response = HttpCalls.HTTP.send(
                                        HttpRequest.newBuilder(URI.create(
                                                        base + "/v1/public/share-links/" + token + "/sessions"))
                                                .timeout(Duration.ofSeconds(10))
                                                .POST(HttpRequest.BodyPublishers.noBody())
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() == 201) {
                                    acknowledged.incrementAndGet();
                                }
                            } catch (Exception connectionLost) {
                                // instance a is gone: this claim may or may not have been counted
                            }
                        }
                    });
                }
                // kill a while claims are made on both and deliveries are in flight
                while (receiver.received().size() < 300) {
                    Thread.sleep(10);
                }
                a.kill();
                Thread.sleep(1000);
                stop.set(true);
                pool.shutdown();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            } finally {
                a.kill();
            }
            try (ServerProcess again = ServerProcess.start(url, "webhooks-crash-a2", WEBHOOKS)) {
                // the dead instance's leases pass (3 s); the two live instances deliver everything
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (pending(db) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(pending(db)).as("deliveries still waiting").isZero();
                long uses = db.sql("select sum(usage_count) from share_links")
                        .query(Long.class)
                        .single();
                Set<String> stored = Set.copyOf(db.sql("select cast(event_id as varchar) from webhook_deliveries")
                        .query(String.class)
                        .list());
                assertThat((long) stored.size())
                        .as("one stored event per committed use: the claim and its event commit together")
                        .isEqualTo(uses);
                assertThat(uses).isGreaterThanOrEqualTo(acknowledged.get());
                Set<String> received =
                        receiver.received().stream().map(Received::id).collect(Collectors.toSet());
                assertThat(received)
                        .as("every stored event reached the receiver")
                        .containsAll(stored);
                int duplicates = receiver.received().size() - received.size();
                System.out.printf(
                        "webhooks after SIGKILL: %d committed uses (%d acknowledged), %d received, %d duplicates%n",
                        uses, acknowledged.get(), receiver.received().size(), duplicates);
                assertThat(db.sql("select count(*) from webhook_deliveries where status <> 'DELIVERED'")
                                .query(Long.class)
                                .single())
                        .isZero();
            } finally {
                b.close();
            }
        }
    }

    /**
     * A fleet may keep sending off the instances that serve visitors: those run with deliveries off and only store
     * events (in the change's transaction, as always); instances of their own deliver them.
     */
    @Test
    void eventsStoredByAnInstanceThatDoesNotDeliverAreSentByOneThatDoes() throws Exception {
        String url = EmbeddedPostgres.newDatabase();
        JdbcClient db = jdbc(url);
        String[] storeOnly = Stream.concat(Arrays.stream(WEBHOOKS), Stream.of("--sharelinks.webhooks.deliver=false"))
                .toArray(String[]::new);
        try (WebhookReceiver receiver = WebhookReceiver.on("127.0.0.1");
                ServerProcess api = ServerProcess.start(url, "webhooks-store-only", storeOnly)) {
            Tenant tenant = Tenant.create(api.baseUrl(), "Split fleet");
            endpoint(api, tenant, receiver.url("/hooks"), "share_link.session_started");
            String token = JsonPath.read(tenant.createLink(api.baseUrl(), 100), "$.token");
            Thread.sleep(300); // the subscription cache has seen the endpoint
            int uses = 20;
            for (int i = 0; i < uses; i++) {
                expect(201, "POST", api.baseUrl() + "/v1/public/share-links/" + token + "/sessions", null, null);
            }
            Thread.sleep(1000); // twenty poll intervals: an instance that delivers would have sent them by now
            assertThat(receiver.received())
                    .as("sent by the instance that does not deliver")
                    .isEmpty();
            assertThat(pending(db)).as("events stored, waiting").isEqualTo(uses);
            // the instance that sends nothing still says how long they have waited (its gauge, every 5 s)
            long gaugeDeadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (oldestPendingSeconds(api) < 1 && System.nanoTime() < gaugeDeadline) {
                Thread.sleep(200);
            }
            assertThat(oldestPendingSeconds(api))
                    .as("age of the oldest waiting delivery")
                    .isPositive();

            try (ServerProcess worker = ServerProcess.start(url, "webhooks-worker", WEBHOOKS)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while ((pending(db) > 0 || attemptsMadeBy(worker) < uses) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Set<String> stored = Set.copyOf(db.sql("select cast(event_id as varchar) from webhook_deliveries")
                        .query(String.class)
                        .list());
                assertThat(receiver.received().stream().map(Received::id).collect(Collectors.toSet()))
                        .as("every stored event, sent by the instance that delivers")
                        .hasSize(uses)
                        .isEqualTo(stored);
                assertThat(pending(db)).as("deliveries still waiting").isZero();
                assertThat(attemptsMadeBy(worker))
                        .as("attempts made by the delivering instance")
                        .isEqualTo(uses);
                assertThat(attemptsMadeBy(api))
                        .as("attempts made by the storing instance")
                        .isZero();
            }
        }
    }

    private static String endpoint(ServerProcess server, Tenant tenant, String url, String type) throws Exception {
        return JsonPath.read(
                expect(
                        201,
                        "POST",
                        server.baseUrl() + "/v1/webhook-endpoints",
                        tenant.bearer(),
                        "{\"url\": \"" + url + "\", \"eventTypes\": [\"" + type + "\"]}"),
                "$.id");
    }

    /** Attempts this instance made, from its own metrics. */
    private static int attemptsMadeBy(ServerProcess server) throws Exception {
        return (int) metric(server, "sharelinks_webhook_attempts_total");
    }

    private static double oldestPendingSeconds(ServerProcess server) throws Exception {
        return metric(server, "sharelinks_webhook_oldest_pending_seconds");
    }

    /** The sum of a metric's series on one instance. */
    private static double metric(ServerProcess server, String name) throws Exception {
        String metrics = expect(
                200, "GET", server.baseUrl() + "/actuator/prometheus", "Bearer " + ServerProcess.ADMIN_TOKEN, null);
        return metrics.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static long pending(JdbcClient db) {
        return db.sql("select count(*) from webhook_deliveries where status = 'PENDING'")
                .query(Long.class)
                .single();
    }

    private static JdbcClient jdbc(String url) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser("postgres");
        source.setPassword("postgres");
        return JdbcClient.create(source);
    }
}
