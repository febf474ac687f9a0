package dev.sharelinks.webhook;

import static dev.sharelinks.support.TestOrganization.admin;
import static dev.sharelinks.support.TestOrganization.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.sharelinks.sharelink.ShareLinkService;
import dev.sharelinks.support.CekuraFixtures;
import dev.sharelinks.support.TestOrganization;
import dev.sharelinks.support.WebhookReceiver;
import dev.sharelinks.support.WebhookReceiver.Received;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhooks as a platform receives them, on a receiver on this machine: signed so that the Standard Webhooks
 * library (an implementation we did not write) accepts them, one per change and use, none for a rolled-back
 * change, retried on the schedule (shortened here to 0, 300 ms, 300 ms, 300 ms), and stopped by 410 or by the
 * last failed attempt.
 */
@SpringBootTest(
        properties = {
            "sharelinks.webhooks.allow-loopback=true",
            "sharelinks.webhooks.retry-schedule=0s,300ms,300ms,300ms",
            "sharelinks.webhooks.jitter=0",
            "sharelinks.webhooks.poll-interval=50ms",
            "sharelinks.webhooks.expiry-sweep=100ms"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class WebhookDeliveryTests {

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
    DeliveryLog deliveryLog;

    TestOrganization org;

    @BeforeAll
    static void aReceiver() {
        receiver = WebhookReceiver.on("127.0.0.1");
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @BeforeEach
    void anOrganisation() throws Exception {
        receiver.reset();
        org = TestOrganization.create(mvc, "Webhooks", true, true);
    }

    @Test
    void theSecretIsShownOnceAndEveryDeliveryIsSignedTheStandardWebhooksWay() throws Exception {
        String created = endpoint("/hooks", "share_link.session_started")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.disabledReason").isEmpty())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String secret = JsonPath.read(created, "$.secret");
        String id = JsonPath.read(created, "$.id");
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=");
        String read = mvc.perform(api(org, get("/v1/webhook-endpoints/{id}", id)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(read).doesNotContain("secret").doesNotContain(secret.substring(6, 20));
        assertThat(jdbc.sql("select secret_encrypted from webhook_endpoints where id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single())
                .doesNotContain(secret.substring(6, 20));

        String link = link(5);
        String sessionId =
                JsonPath.read(session(token(link)).andReturn().getResponse().getContentAsString(), "$.sessionId");

        Received hook = receiver.await(any(), 1, WAIT).get(0);
        new Webhook(secret).verify(hook.body(), hook.headers()); // throws unless one signature matches
        assertThat(hook.header("content-type")).startsWith("application/json");
        assertThat(hook.header("webhook-signature")).matches("v1,[A-Za-z0-9+/]+=*");
        assertThat(JsonPath.<String>read(hook.body(), "$.type")).isEqualTo("share_link.session_started");
        assertThat(JsonPath.<String>read(hook.body(), "$.data.id")).isEqualTo(JsonPath.read(link, "$.id"));
        assertThat(JsonPath.<String>read(hook.body(), "$.data.session.sessionId"))
                .isEqualTo(sessionId);
        assertThat(JsonPath.<Integer>read(hook.body(), "$.data.session.use")).isEqualTo(1);
        assertThat(JsonPath.<Integer>read(hook.body(), "$.data.usageCount")).isEqualTo(1);
        // beside the session, data is the link exactly as the Anam API reads it back
        Map<String, Object> data = JsonPath.read(hook.body(), "$.data");
        data.remove("session");
        String linkRead = mvc.perform(api(org, get("/v1/share-links/{id}", JsonPath.<String>read(link, "$.id"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(data).isEqualTo(JsonPath.read(linkRead, "$"));
        // a tampered body or another secret does not verify
        assertThatThrownBy(
                        () -> new Webhook(secret).verify(hook.body().replace("\"use\":1", "\"use\":2"), hook.headers()))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(
                                "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                        .verify(hook.body(), hook.headers()))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void everyKindOfChangeAndUseIsAnnouncedOnce() throws Exception {
        endpoint(
                        "/all",
                        "share_link.created",
                        "share_link.updated",
                        "share_link.deleted",
                        "share_link.token_rotated",
                        "share_link.session_started",
                        "share_link.exhausted",
                        "result_link.created",
                        "result_link.opened")
                .andExpect(status().isCreated());
        String link = link(2);
        String id = JsonPath.read(link, "$.id");
        mvc.perform(api(org, put("/v1/share-links/{id}", id)).content("{\"usageLimit\": 2, \"expiresInHours\": 48}"))
                .andExpect(status().isOk());
        mvc.perform(api(org, patch("/v1/share-links/{id}/settings", id)).content("{\"removeWatermark\": true}"))
                .andExpect(status().isOk());
        String rotated = mvc.perform(api(org, post("/v1/share-links/{id}/token", id)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(rotated, "$.token");
        session(token).andExpect(status().isCreated());
        session(token).andExpect(status().isCreated());
        session(token).andExpect(status().isGone()); // refused: nothing to announce
        mvc.perform(api(org, delete("/v1/share-links/{id}", id))).andExpect(status().isOk());
        int result = CekuraFixtures.storeResult(mvc, org.id(), "{\"score\": 1}");
        String shareToken = CekuraFixtures.shareToken(mvc, org.apiKey(), result);
        mvc.perform(get("/test_framework/v1/results/{id}/", result).header("X-VOCERA-SHAREABLE-LINK-TOKEN", shareToken))
                .andExpect(status().isOk());

        List<Received> hooks = receiver.await(any(), 11, WAIT);
        Thread.sleep(300); // nothing more comes
        assertThat(receiver.received().stream().map(h -> (String) JsonPath.read(h.body(), "$.type")))
                .containsExactlyInAnyOrder(
                        "share_link.created",
                        "share_link.updated",
                        "share_link.updated",
                        "share_link.token_rotated",
                        "share_link.session_started",
                        "share_link.session_started",
                        "share_link.exhausted",
                        "share_link.deleted",
                        "result_link.created",
                        "result_link.opened");
        assertThat(hooks).extracting(Received::id).doesNotHaveDuplicates();
        Received exhausted = only("share_link.exhausted");
        assertThat(JsonPath.<Integer>read(exhausted.body(), "$.data.session.use"))
                .isEqualTo(2);
        assertThat(JsonPath.<String>read(only("share_link.token_rotated").body(), "$.data.token"))
                .isEqualTo(token);
        Received opened = only("result_link.opened");
        assertThat(JsonPath.<Integer>read(opened.body(), "$.data.result_id")).isEqualTo(result);
        assertThat(JsonPath.<Boolean>read(opened.body(), "$.data.custom_domain"))
                .isFalse();
        assertThat(opened.body()).doesNotContain(shareToken);
    }

    @Test
    void anExpiryIsAnnouncedOnceAndAgainAfterARenewal() throws Exception {
        endpoint("/expired", "share_link.expired").andExpect(status().isCreated());
        String id = JsonPath.read(
                mvc.perform(api(org, post("/v1/share-links"))
                                .content("{\"personaId\": \"%s\", \"expiresInHours\": 0.0003}"
                                        .formatted(org.personaId())))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        assertThat(receiver.await(any(), 1, WAIT)).hasSize(1);
        Thread.sleep(500); // several sweeps later: still one
        assertThat(receiver.received()).hasSize(1);
        Received expired = receiver.received().get(0);
        assertThat(JsonPath.<String>read(expired.body(), "$.type")).isEqualTo("share_link.expired");
        assertThat(JsonPath.<String>read(expired.body(), "$.data.id")).isEqualTo(id);
        mvc.perform(api(org, put("/v1/share-links/{id}", id)).content("{\"expiresInHours\": 0.0003}"))
                .andExpect(status().isOk());
        assertThat(receiver.await(any(), 2, WAIT)).hasSize(2);
        Thread.sleep(500);
        assertThat(receiver.received()).hasSize(2);
    }

    @Test
    void aRolledBackChangeLeavesNoEventAndACommittedOneDoes() throws Exception {
        endpoint("/tx", "share_link.created").andExpect(status().isCreated());
        long before = deliveries();
        transaction.executeWithoutResult(status -> {
            shareLinks.create(org.id(), org.personaId(), null, null);
            status.setRollbackOnly();
        });
        assertThat(deliveries()).isEqualTo(before);
        transaction.executeWithoutResult(status -> shareLinks.create(org.id(), org.personaId(), null, null));
        assertThat(deliveries()).isEqualTo(before + 1);
        assertThat(receiver.await(any(), 1, WAIT)).hasSize(1);
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventOnTheFourthAttempt() throws Exception {
        String endpoint = id(endpoint("/flaky", "share_link.created"));
        receiver.answer(500, 3);
        link(1);
        List<Received> hooks = receiver.await(any(), 4, WAIT);
        assertThat(hooks).hasSize(4);
        assertThat(hooks).extracting(Received::id).containsOnly(hooks.get(0).id());
        assertThat(hooks.get(1).receivedAtNanos() - hooks.get(0).receivedAtNanos())
                .as("the second attempt waits for the schedule's second delay")
                .isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos());
        String log = awaitLog(endpoint, "$[0].status", "delivered");
        assertThat(JsonPath.<List<Integer>>read(log, "$[0].attempts[*].status")).containsExactly(500, 500, 500, 200);
        assertThat(JsonPath.<List<Integer>>read(log, "$[0].attempts[*].number")).containsExactly(1, 2, 3, 4);
        assertThat(JsonPath.<String>read(log, "$[0].attempts[0].response")).isEqualTo("{\"answered\": 500}");
        assertThat(JsonPath.<String>read(log, "$[0].eventId"))
                .isEqualTo(hooks.get(0).id());
    }

    @Test
    void goneDisablesTheEndpointAtOnce() throws Exception {
        String endpoint = id(endpoint("/gone", "share_link.created"));
        receiver.answer(410, 1);
        link(1);
        assertThat(receiver.await(any(), 1, WAIT)).hasSize(1);
        String read = awaitEndpoint(endpoint, "$.enabled", false);
        assertThat(JsonPath.<String>read(read, "$.disabledReason")).contains("410");
        link(1);
        Thread.sleep(500);
        assertThat(receiver.received())
                .as("nothing goes to a disabled endpoint")
                .hasSize(1);
        // enabled again by its owner, it hears of new changes (not of those it missed)
        mvc.perform(api(org, patch("/v1/webhook-endpoints/{id}", endpoint)).content("{\"enabled\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.disabledReason").isEmpty());
        link(1);
        assertThat(receiver.await(any(), 2, WAIT)).hasSize(2);
    }

    @Test
    void retryAfterOnTooManyRequestsIsHonoured() throws Exception {
        id(endpoint("/busy", "share_link.created"));
        receiver.answer(new WebhookReceiver.Answer(429, Map.of("Retry-After", "2"), "slow down"), 1);
        link(1);
        List<Received> hooks = receiver.await(any(), 2, WAIT);
        assertThat(hooks).hasSize(2);
        assertThat(hooks.get(1).receivedAtNanos() - hooks.get(0).receivedAtNanos())
                .as("2 s, not the schedule's 300 ms")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900).toNanos());
    }

    @Test
    void afterTheLastAttemptFailsTheEndpointIsDisabledAndSaysWhy() throws Exception {
        String endpoint = id(endpoint("/down", "share_link.created"));
        receiver.answer(503, 4);
        link(1);
        assertThat(receiver.await(any(), 4, WAIT)).hasSize(4);
        String read = awaitEndpoint(endpoint, "$.enabled", false);
        assertThat(JsonPath.<String>read(read, "$.disabledReason"))
                .contains("last of 4 attempts")
                .contains("HTTP 503");
        assertThat(JsonPath.<String>read(log(endpoint), "$[0].status")).isEqualTo("failed");
        Thread.sleep(500);
        assertThat(receiver.received()).hasSize(4);
    }

    @Test
    void duringARotationBothSecretsSignAndAfterwardsOnlyTheNewOne() throws Exception {
        String created = endpoint("/rotating", "share_link.created")
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = id(created);
        String old = JsonPath.read(created, "$.secret");
        String rotated = mvc.perform(api(org, post("/v1/webhook-endpoints/{id}/secret", id)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String fresh = JsonPath.read(rotated, "$.secret");
        assertThat(fresh).isNotEqualTo(old).startsWith("whsec_");
        link(1);
        Received during = receiver.await(any(), 1, WAIT).get(0);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(old).verify(during.body(), during.headers());
        new Webhook(fresh).verify(during.body(), during.headers());

        jdbc.sql("update webhook_endpoints set previous_secret_expires_at = :past where id = :id")
                .param("past", java.time.OffsetDateTime.now().minusSeconds(1))
                .param("id", UUID.fromString(id))
                .update();
        link(1);
        Received after = receiver.await(any(), 2, WAIT).get(1);
        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        new Webhook(fresh).verify(after.body(), after.headers());
        assertThatThrownBy(() -> new Webhook(old).verify(after.body(), after.headers()))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void manyDeliveriesAtOnceAreEachRecordedDeliveredWithTheirOneAttempt() throws Exception {
        // the delivered attempts are recorded together by the worker's loop: each must still end up settled
        // (else it would be made again once its lease ran out) with exactly its own log row
        String endpoint = id(endpoint("/many", "share_link.created"));
        int links = 12;
        for (int i = 0; i < links; i++) {
            link(1);
        }
        assertThat(receiver.await(any(), links, WAIT)).extracting(Received::id).doesNotHaveDuplicates();
        UUID id = UUID.fromString(endpoint);
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                jdbc.sql("select status, attempts from webhook_deliveries where endpoint_id = :id")
                                        .param("id", id)
                                        .query((rs, row) -> rs.getString("status") + "/" + rs.getInt("attempts"))
                                        .list())
                        .hasSize(links)
                        .containsOnly("DELIVERED/1"));
        assertThat(jdbc.sql("select number, status from webhook_attempts where endpoint_id = :id")
                        .param("id", id)
                        .query((rs, row) -> rs.getInt("number") + "/" + rs.getInt("status"))
                        .list())
                .hasSize(links)
                .containsOnly("1/200");
    }

    @Test
    void deletingAnEndpointDeletesItsDeliveriesAndTheirAttemptsAndNoOneElses() throws Exception {
        // on PostgreSQL no foreign key cascades this (V12): the endpoint's deletion does
        UUID deleted = UUID.fromString(id(endpoint("/deleted", "share_link.created")));
        UUID kept = UUID.fromString(id(endpoint("/kept", "share_link.created")));
        link(1);
        link(1);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(rows("webhook_attempts", deleted)).isEqualTo(2);
            assertThat(rows("webhook_attempts", kept)).isEqualTo(2);
        });
        mvc.perform(api(org, delete("/v1/webhook-endpoints/{id}", deleted))).andExpect(status().isNoContent());
        assertThat(rows("webhook_deliveries", deleted)).isZero();
        assertThat(rows("webhook_attempts", deleted)).isZero();
        assertThat(rows("webhook_deliveries", kept)).isEqualTo(2);
        assertThat(rows("webhook_attempts", kept)).isEqualTo(2);
    }

    @Test
    void theRetentionPurgeDeletesSettledDeliveriesWithTheirAttemptsAndKeepsWaitingOnes() throws Exception {
        UUID delivered = UUID.fromString(id(endpoint("/settled", "share_link.created")));
        link(1);
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(jdbc.sql("select status from webhook_deliveries where endpoint_id = :id")
                                        .param("id", delivered)
                                        .query(String.class)
                                        .list())
                                .containsExactly("DELIVERED"));
        UUID waiting = UUID.fromString(id(endpoint("/waiting", "share_link.updated")));
        // an old delivery still waiting for its next attempt (tomorrow)
        waitingDelivery(UUID.randomUUID(), waiting);

        deliveryLog.purgeSettledBefore(Instant.now().plusSeconds(60));

        assertThat(rows("webhook_deliveries", delivered)).isZero();
        assertThat(rows("webhook_attempts", delivered)).isZero();
        assertThat(rows("webhook_deliveries", waiting)).isEqualTo(1);
    }

    @Test
    void aDeliveredEventIsDeliveredAgainOnRequestWithTheSameId() throws Exception {
        String endpoint = id(endpoint("/again", "share_link.created"));
        link(1);
        String first = receiver.await(any(), 1, WAIT).get(0).id();
        awaitLog(endpoint, "$[0].status", "delivered");
        mvc.perform(api(org, post("/v1/webhook-endpoints/{id}/deliveries/{event}/redeliver", endpoint, first)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.eventId").value(first))
                .andExpect(jsonPath("$.status").value("pending"));
        List<Received> hooks = receiver.await(any(), 2, WAIT);
        assertThat(hooks).extracting(Received::id).containsExactly(first, first);
        mvc.perform(api(
                        org,
                        post("/v1/webhook-endpoints/{id}/deliveries/{event}/redeliver", endpoint, UUID.randomUUID())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("Not Found"));
    }

    @Test
    void badEndpointsAreRefusedInTheAnamShape() throws Exception {
        mvc.perform(
                        api(org, post("/v1/webhook-endpoints"))
                                .content(
                                        "{\"url\": \"http://hooks.example.invalid/x\", \"eventTypes\": [\"share_link.created\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Bad Request"))
                .andExpect(jsonPath("$.message").value(containsString("https")));
        mvc.perform(
                        api(org, post("/v1/webhook-endpoints"))
                                .content(
                                        "{\"url\": \"https://user:pw@hooks.example.invalid/x\", \"eventTypes\": [\"share_link.created\"]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(api(org, post("/v1/webhook-endpoints"))
                        .content("{\"url\": \"https://hooks.example.invalid/x\", \"eventTypes\": [\"link.clicked\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Bad Request"));
        mvc.perform(api(org, post("/v1/webhook-endpoints"))
                        .content("{\"url\": \"https://hooks.example.invalid/x\", \"eventTypes\": []}"))
                .andExpect(status().isBadRequest());
        mvc.perform(api(org, post("/v1/webhook-endpoints"))
                        .content("{\"url\": \"https://hooks.example.invalid/x\", \"eventTypes\": [null]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(api(org, post("/v1/webhook-endpoints")).content("{\"eventTypes\": [\"share_link.created\"]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(
                        post("/v1/webhook-endpoints")
                                .contentType("application/json")
                                .content(
                                        "{\"url\": \"https://hooks.example.invalid/x\", \"eventTypes\": [\"share_link.created\"]}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("Unauthorized"));
        mvc.perform(api(org, get("/v1/webhook-endpoints/not-a-uuid"))).andExpect(status().isBadRequest());
    }

    @Test
    void theOperatorSeesAndDisablesAnOrganisationsEndpoints() throws Exception {
        String endpoint = id(endpoint("/operated", "share_link.created"));
        mvc.perform(admin(get("/admin/v1/organizations/{org}/webhook-endpoints", org.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(endpoint))
                .andExpect(jsonPath("$[0].secret").doesNotExist());
        mvc.perform(admin(post("/admin/v1/organizations/{org}/webhook-endpoints/{id}/disable", org.id(), endpoint)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.disabledReason").value("Disabled by the operator"));
        link(1);
        Thread.sleep(300);
        assertThat(receiver.received()).isEmpty();
        mvc.perform(admin(get("/admin/v1/audit-events")).param("targetId", endpoint))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].action")
                        .value(hasItems("webhook_endpoint.created", "webhook_endpoint.disabled")));
    }

    @Test
    void deliveriesAreCountedInTheMetrics() throws Exception {
        endpoint("/metrics", "share_link.created");
        link(1);
        receiver.await(any(), 1, WAIT);
        // counted once the worker has recorded the attempt, a moment after the receiver had it
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(mvc.perform(admin(get("/actuator/prometheus")))
                                .andExpect(status().isOk())
                                .andReturn()
                                .getResponse()
                                .getContentAsString())
                        .contains("sharelinks_webhook_attempts_total{outcome=\"delivered\"")
                        .contains("sharelinks_webhook_oldest_pending_seconds"));
    }

    private ResultActions endpoint(String path, String... types) throws Exception {
        String list = String.join("\", \"", types);
        return mvc.perform(api(org, post("/v1/webhook-endpoints"))
                .content("{\"url\": \"%s\", \"description\": \"test\", \"eventTypes\": [\"%s\"]}"
                        .formatted(receiver.url(path), list)));
    }

    private static String id(ResultActions created) throws Exception {
        return id(created.andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    private static String id(String json) {
        return JsonPath.read(json, "$.id");
    }

    private String link(int usageLimit) throws Exception {
        return mvc.perform(api(org, post("/v1/share-links"))
                        .content("{\"personaId\": \"%s\", \"usageLimit\": %d}".formatted(org.personaId(), usageLimit)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String token(String link) {
        return JsonPath.read(link, "$.token");
    }

    private ResultActions session(String token) throws Exception {
        return mvc.perform(post("/v1/public/share-links/{t}/sessions", token));
    }

    private Received only(String type) {
        List<Received> of = receiver.received(h -> type.equals(JsonPath.read(h.body(), "$.type")));
        assertThat(of).as(type).hasSize(1);
        return of.get(0);
    }

    /** A delivery made 400 days ago, due again tomorrow. */
    void waitingDelivery(UUID event, UUID endpoint) {
        jdbc.sql("""
                        insert into webhook_deliveries (event_id, endpoint_id, organization_id, event_type, payload,
                            created_at, status, attempts, round_attempts, next_attempt_at)
                        values (:event, :endpoint, :org, 'share_link.updated', '{}', :old, 'PENDING', 1, 1, :later)""")
                .param("event", event)
                .param("endpoint", endpoint)
                .param("org", org.id())
                .param("old", Timestamp.from(Instant.now().minus(Duration.ofDays(400))))
                .param("later", Timestamp.from(Instant.now().plus(Duration.ofDays(1))))
                .update();
    }

    long rows(String table, UUID endpoint) {
        return jdbc.sql("select count(*) from " + table + " where endpoint_id = :id")
                .param("id", endpoint)
                .query(Long.class)
                .single();
    }

    private long deliveries() {
        return jdbc.sql("select count(*) from webhook_deliveries where organization_id = :org")
                .param("org", org.id())
                .query(Long.class)
                .single();
    }

    private String log(String endpoint) throws Exception {
        return mvc.perform(api(org, get("/v1/webhook-endpoints/{id}/deliveries", endpoint)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String awaitLog(String endpoint, String path, Object expected) throws Exception {
        return awaitJson(() -> log(endpoint), path, expected);
    }

    private String awaitEndpoint(String endpoint, String path, Object expected) throws Exception {
        return awaitJson(
                () -> mvc.perform(api(org, get("/v1/webhook-endpoints/{id}", endpoint)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                path,
                expected);
    }

    interface Read {
        String get() throws Exception;
    }

    private static String awaitJson(Read read, String path, Object expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String json = read.get();
        while (!expected.equals(readOrNull(json, path)) && System.nanoTime() < deadline) {
            Thread.sleep(25);
            json = read.get();
        }
        assertThat(JsonPath.<Object>read(json, path)).as(path).isEqualTo(expected);
        return json;
    }

    private static Object readOrNull(String json, String path) {
        try {
            return JsonPath.read(json, path);
        } catch (com.jayway.jsonpath.PathNotFoundException notYet) {
            return null;
        }
    }

    private static Predicate<Received> any() {
        return h -> true;
    }
}
