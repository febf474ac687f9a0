package dev.sharelinks.publiclinks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sharelinks.ShareLinksApplication;
import dev.sharelinks.organization.OrganizationService;
import dev.sharelinks.organization.Plan;
import dev.sharelinks.sharelink.ShareLink;
import dev.sharelinks.sharelink.ShareLinkService;
import dev.sharelinks.support.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counted uses are exact under concurrency: two server instances (two application contexts, each with its own
 * connection pool) on one PostgreSQL database, 64 threads racing session claims over real HTTP against links
 * with small limits. Every run: successes == limit and stored usage_count == limit, for every link.
 */
class ConcurrentClaimTests {

    private static final int THREADS = 64;
    private static final int ATTEMPTS_PER_THREAD = 250;
    private static final int[] LIMITS = {1, 2, 3, 5, 8, 13, 21, 34};

    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private static final List<String> baseUrls = new ArrayList<>();

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        String url = EmbeddedPostgres.newDatabase();
        for (int i = 0; i < 2; i++) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(ShareLinksApplication.class)
                    .run(
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--server.port=0",
                            "--sharelinks.demo-data=false",
                            "--sharelinks.key-encryption-key="
                                    + dev.sharelinks.support.ServerProcess.KEY_ENCRYPTION_KEY,
                            // 32,000 claims from one address: a correctness test, not an abuse test
                            "--sharelinks.rate-limit.enabled=false",
                            "--logging.level.root=WARN");
            instances.add(context);
            baseUrls.add("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
        }
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @RepeatedTest(2)
    void successesEqualTheLimitOnEveryLink() throws Exception {
        OrganizationService organizations = instances.get(0).getBean(OrganizationService.class);
        ShareLinkService shareLinks = instances.get(0).getBean(ShareLinkService.class);
        UUID org = organizations
                .create("Race " + UUID.randomUUID(), new Plan(false, false), null)
                .id();
        UUID persona = organizations.putPersona(org, UUID.randomUUID(), "Racer").id();
        List<ShareLink> links = new ArrayList<>();
        for (int limit : LIMITS) {
            links.add(shareLinks.create(org, persona, Duration.ofHours(1), limit));
        }

        Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> gone = new ConcurrentHashMap<>();
        links.forEach(l -> {
            created.put(l.token(), new AtomicInteger());
            gone.put(l.token(), new AtomicInteger());
        });
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
                    String token = links.get(random.nextInt(links.size())).token();
                    String base = baseUrls.get(random.nextInt(baseUrls.size()));
                    HttpRequest request = HttpRequest.newBuilder(
                                    URI.create(base + "/v1/public/share-links/" + token + "/sessions"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(30))
                            .build();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        switch (response.statusCode()) {
                            case 201 -> created.get(token).incrementAndGet();
                            case 410 -> gone.get(token).incrementAndGet();
                            default -> unexpected.add(response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        unexpected.add(e.toString());
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(unexpected).as("responses other than 201 and 410").isEmpty();
        JdbcClient jdbc = instances.get(1).getBean(JdbcClient.class);
        int attempts = 0;
        for (ShareLink link : links) {
            int stored = jdbc.sql("select usage_count from share_links where id = :id")
                    .param("id", link.id())
                    .query(Integer.class)
                    .single();
            assertThat(created.get(link.token()).get())
                    .as("201s for limit %d", link.usageLimit())
                    .isEqualTo(link.usageLimit());
            assertThat(stored)
                    .as("stored usage_count for limit %d", link.usageLimit())
                    .isEqualTo(link.usageLimit());
            attempts += created.get(link.token()).get() + gone.get(link.token()).get();
        }
        assertThat(attempts).isEqualTo(THREADS * ATTEMPTS_PER_THREAD);
    }
}
