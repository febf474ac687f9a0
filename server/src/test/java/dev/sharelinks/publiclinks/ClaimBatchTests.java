package dev.sharelinks.publiclinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.TestOrganization;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Claims counted together: many claims on one link in one transaction, with the limit inside the batch. One lane,
 * its batch in flight held up on a row lock the test takes, so that every claim of the race queues before any is
 * counted: the next batch then holds all of them, deterministically.
 */
@SpringBootTest(properties = {"sharelinks.claims.lanes=1", "sharelinks.claims.max-batch=64"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class ClaimBatchTests {

    private static final int LIMIT = 10;
    private static final int RACERS = 30;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry registry;

    private final ExecutorService pool = Executors.newFixedThreadPool(RACERS + 1);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theLimitFallingInsideOneBatchGrantsExactlyTheUsesLeft() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Batch " + Instant.now(), false, false);
        String blocker = org.createLinkToken(mvc, null);
        String raced = org.createLinkToken(mvc, LIMIT);
        DistributionSummary batches =
                registry.get("sharelinks.sessions.claim.batch").summary();
        long batchesBefore = batches.count();
        double claimsBefore = batches.totalAmount();

        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        Future<MockHttpServletResponse> blocked;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (var statement = lock.prepareStatement("select id from share_links where token = ? for update")) {
                statement.setString(1, blocker);
                statement.executeQuery().close();
            }
            // this claim is counted at once (the lane is idle) and waits for the row lock...
            blocked = pool.submit(() -> claim(blocker));
            awaitBlockerTaken(batches, batchesBefore);
            // ...while every racer queues behind it
            for (int i = 0; i < RACERS; i++) {
                answers.add(pool.submit(() -> claim(raced)));
            }
            awaitWaiting(RACERS);
            lock.rollback();
        }

        assertThat(blocked.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        List<Integer> useNumbers = new ArrayList<>();
        int gone = 0;
        for (Future<MockHttpServletResponse> answer : answers) {
            MockHttpServletResponse response = answer.get(30, TimeUnit.SECONDS);
            switch (response.getStatus()) {
                case 201 -> useNumbers.add(JsonPath.read(response.getContentAsString(), "$.usageCount"));
                case 410 -> {
                    assertThat(JsonPath.<String>read(response.getContentAsString(), "$.reason"))
                            .isEqualTo("exhausted");
                    gone++;
                }
                default -> throw new AssertionError(response.getStatus() + " " + response.getContentAsString());
            }
        }
        assertThat(useNumbers).as("use numbers granted").containsExactlyInAnyOrderElementsOf(range(1, LIMIT));
        assertThat(gone).isEqualTo(RACERS - LIMIT);
        assertThat(batches.count() - batchesBefore).as("transactions").isEqualTo(2);
        assertThat(batches.totalAmount() - claimsBefore).as("claims in them").isEqualTo(RACERS + 1);
        assertThat(jdbc.sql("select usage_count from share_links where token = :t")
                        .param("t", raced)
                        .query(Integer.class)
                        .single())
                .isEqualTo(LIMIT);
        assertThat(jdbc.sql("select count(*) from link_uses u join share_links l on l.id = u.link_id"
                                + " where l.token = :t")
                        .param("t", raced)
                        .query(Integer.class)
                        .single())
                .as("use log rows")
                .isEqualTo(LIMIT);
    }

    @Test
    void claimsOnManyLinksShareOneTransactionAndEachLinkKeepsItsOwnCount() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Many " + Instant.now(), false, false);
        String blocker = org.createLinkToken(mvc, null);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tokens.add(org.createLinkToken(mvc, 3));
        }
        String unknown = "sh_NoSuchTokenNoSuchToken";
        DistributionSummary batches =
                registry.get("sharelinks.sessions.claim.batch").summary();
        long batchesBefore = batches.count();

        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (var statement = lock.prepareStatement("select id from share_links where token = ? for update")) {
                statement.setString(1, blocker);
                statement.executeQuery().close();
            }
            pool.submit(() -> claim(blocker));
            awaitBlockerTaken(batches, batchesBefore);
            // four claims on each of five links with three uses each, and one on a token nobody has
            for (int round = 0; round < 4; round++) {
                for (String token : tokens) {
                    answers.add(pool.submit(() -> claim(token)));
                }
            }
            answers.add(pool.submit(() -> claim(unknown)));
            awaitWaiting(answers.size());
            lock.rollback();
        }

        List<Integer> statuses = new ArrayList<>();
        for (Future<MockHttpServletResponse> answer : answers) {
            statuses.add(answer.get(30, TimeUnit.SECONDS).getStatus());
        }
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(15);
        assertThat(statuses.stream().filter(s -> s == 410)).hasSize(5);
        assertThat(statuses.get(statuses.size() - 1)).as("the unknown token").isEqualTo(404);
        assertThat(batches.count() - batchesBefore).as("transactions").isEqualTo(2);
        for (String token : tokens) {
            assertThat(jdbc.sql("select usage_count from share_links where token = :t")
                            .param("t", token)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(3);
        }
    }

    /** Waits until the blocker's claim is being counted as a batch of its own. */
    private void awaitBlockerTaken(DistributionSummary batches, long before) throws InterruptedException {
        await(() -> batches.count() == before + 1, "the blocker's batch");
    }

    private void awaitWaiting(int claims) throws InterruptedException {
        await(() -> registry.get("sharelinks.sessions.claims.waiting").gauge().value() == claims, "claims queued");
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private MockHttpServletResponse claim(String token) throws Exception {
        return mvc.perform(post("/v1/public/share-links/{t}/sessions", token))
                .andReturn()
                .getResponse();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            numbers.add(i);
        }
        return numbers;
    }
}
