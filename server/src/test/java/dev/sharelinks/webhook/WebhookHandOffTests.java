package dev.sharelinks.webhook;

import static dev.sharelinks.support.TestOrganization.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.sharelink.ShareLinkService;
import dev.sharelinks.support.TestOrganization;
import dev.sharelinks.support.WebhookReceiver;
import dev.sharelinks.support.WebhookReceiver.Received;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hand-off: an event stored by this instance's own change is stored reserved for it and attempted without a
 * take from the outbox. The outbox is polled here only once an hour, so a delivery that arrives proves it was handed
 * over (or, when the hand-off is full or closed, that its storing woke the take).
 */
@SpringBootTest(
        properties = {
            "sharelinks.webhooks.allow-loopback=true",
            "sharelinks.webhooks.jitter=0",
            "sharelinks.webhooks.poll-interval=1h",
            "sharelinks.webhooks.concurrency=2",
            "sharelinks.webhooks.hand-off=4",
            "sharelinks.webhooks.timeout=3s"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WebhookHandOffTests {

    static final Duration WAIT = Duration.ofSeconds(10);
    static WebhookReceiver receiver;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShareLinkService shareLinks;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    HandedDeliveries handed;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    MeterRegistry meters;

    TestOrganization org;
    UUID endpoint;

    @BeforeAll
    static void aReceiver() {
        receiver = WebhookReceiver.on("127.0.0.1");
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @BeforeEach
    void anOrganisationWithAnEndpoint() throws Exception {
        receiver.reset();
        org = TestOrganization.create(mvc, "Hand-off", true, true);
        String created = mvc.perform(api(org, post("/v1/webhook-endpoints"))
                        .content("{\"url\": \"%s\", \"eventTypes\": [\"share_link.created\"]}"
                                .formatted(receiver.url("/handed"))))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        endpoint = UUID.fromString(JsonPath.read(created, "$.id"));
    }

    @AfterEach
    void workerRunning() {
        worker.start();
    }

    @Test
    void anEventStoredHereIsStoredReservedAndDeliveredWithoutATake() throws Exception {
        receiver.delay(Duration.ofMillis(700));
        double handedBefore = started("hand-off");
        double takenBefore = started("outbox");
        shareLinks.create(org.id(), org.personaId(), null, null);
        assertThat(receiver.await(any(), 1, WAIT)).hasSize(1);
        // while the attempt is in flight: its attempt counted, reserved for the lease (1 minute), not due
        assertThat(delivery()).containsExactly("PENDING/1/reserved");
        await().atMost(WAIT).untilAsserted(() -> assertThat(delivery()).containsExactly("DELIVERED/1/settled"));
        assertThat(attempts()).containsExactly("1/200");
        assertThat(handed.held()).isZero();
        assertThat(started("hand-off") - handedBefore).isEqualTo(1);
        assertThat(started("outbox") - takenBefore).isZero();
    }

    @Test
    void aChangeThatFailsAtCommitHandsNothingAndGivesItsRoomBack() throws Exception {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    shareLinks.create(org.id(), org.personaId(), null, null);
                    // runs after the outbox has stored the event (registered after it), then fails the commit
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void beforeCommit(boolean readOnly) {
                            throw new IllegalStateException("the commit fails");
                        }
                    });
                }))
                .hasMessage("the commit fails");
        assertThat(handed.held()).isZero();
        assertThat(delivery()).isEmpty();
        Thread.sleep(300);
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void withTheHandOffFullAnEventIsStoredDueAndTakenAtOnce() throws Exception {
        int capacity = 4;
        assertThat(handed.reserve(capacity)).isTrue();
        double takenBefore = started("outbox");
        try {
            shareLinks.create(org.id(), org.personaId(), null, null);
            assertThat(receiver.await(any(), 1, WAIT)).hasSize(1);
            await().atMost(WAIT).untilAsserted(() -> assertThat(delivery()).containsExactly("DELIVERED/1/settled"));
            assertThat(started("outbox") - takenBefore).isEqualTo(1);
        } finally {
            handed.release(capacity);
        }
    }

    @Test
    void aStoppingWorkerGivesBackWhatItWasHandedAndTakesNoMore() throws Exception {
        // two slots: two attempts in flight for a second, three more waiting in the hand-off
        receiver.delay(Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            shareLinks.create(org.id(), org.personaId(), null, null);
        }
        assertThat(receiver.await(any(), 2, WAIT)).hasSize(2);
        worker.stop();
        assertThat(receiver.received()).hasSize(2);
        assertThat(delivery())
                .as("the two attempted, the three handed over and not attempted due again, uncounted")
                .containsExactlyInAnyOrder(
                        "DELIVERED/1/settled",
                        "DELIVERED/1/settled",
                        "PENDING/0/due",
                        "PENDING/0/due",
                        "PENDING/0/due");
        shareLinks.create(org.id(), org.personaId(), null, null);
        assertThat(delivery())
                .as("stored after the stop: due, for any instance")
                .contains("PENDING/0/due")
                .hasSize(6);

        receiver.delay(Duration.ZERO);
        worker.start();
        List<Received> all = receiver.await(any(), 6, WAIT);
        assertThat(all).extracting(Received::id).hasSize(6).doesNotHaveDuplicates();
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(delivery()).hasSize(6).containsOnly("DELIVERED/1/settled"));
    }

    /** Each delivery to the endpoint as status/attempts/(reserved for the lease | due by now | settled). */
    private List<String> delivery() {
        Instant soon = Instant.now().plusSeconds(30);
        return jdbc.sql("select status, attempts, next_attempt_at from webhook_deliveries where endpoint_id = :id")
                .param("id", endpoint)
                .query((rs, row) -> {
                    Instant next = dev.sharelinks.platform.jdbc.DbTime.fromDb(rs, "next_attempt_at");
                    String when = next == null ? "settled" : next.isAfter(soon) ? "reserved" : "due";
                    return rs.getString("status") + "/" + rs.getInt("attempts") + "/" + when;
                })
                .list();
    }

    private double started(String source) {
        return meters.counter("sharelinks.webhook.deliveries.started", "source", source)
                .count();
    }

    private List<String> attempts() {
        return jdbc.sql("select number, status from webhook_attempts where endpoint_id = :id")
                .param("id", endpoint)
                .query((rs, row) -> rs.getInt("number") + "/" + rs.getInt("status"))
                .list();
    }

    private static java.util.function.Predicate<Received> any() {
        return r -> true;
    }
}
