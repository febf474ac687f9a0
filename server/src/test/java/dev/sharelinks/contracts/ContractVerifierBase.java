package dev.sharelinks.contracts;

import dev.sharelinks.ShareLinksApplication;
import dev.sharelinks.platform.SecretTokens;
import io.restassured.module.mockmvc.RestAssuredMockMvc;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the tests Spring Cloud Contract generates from contracts/: the whole application (security,
 * validation, database) behind MockMvc, with the fixture rows the contracts name reset before every test.
 * The values here are the ones written in the contracts; consumers use them against the stubs.
 */
@SpringBootTest(
        classes = {ShareLinksApplication.class, ContractVerifierBase.FixedClock.class},
        // the fixture endpoint's address does not exist: nothing is delivered in contract tests
        properties = "sharelinks.webhooks.deliver=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class ContractVerifierBase {

    /** The vendor's example date: contracts name absolute times (expire_at) that must stay in the future. */
    public static final Instant NOW = Instant.parse("2026-04-20T10:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    public static final UUID ORG = UUID.fromString("0d7c3f7e-5a1b-4c2d-9e8f-0a1b2c3d4e5f");
    public static final UUID API_KEY = UUID.fromString("5e1d2c3b-4a59-4687-9a6b-5c4d3e2f1a0b");
    public static final String API_KEY_SECRET = "sk_ContractTestKey000000000000000001";
    public static final UUID SPARE_API_KEY = UUID.fromString("6f2e3d4c-5b6a-4798-8b7c-6d5e4f3a2b1c");
    public static final UUID PERSONA = UUID.fromString("3f0e1a2b-4c5d-4e6f-8a9b-0c1d2e3f4a5b");
    public static final UUID LINK = UUID.fromString("9b2d7e41-6c3a-4f5e-8d7c-1a2b3c4d5e6f");
    public static final String LINK_TOKEN = "sh_2kL9pQxYzR4vN8mBwHfJc";

    public static final UUID OTHER_ORG = UUID.fromString("1e8d4f8f-6b2c-4d3e-8f9a-1b2c3d4e5f60");
    public static final UUID OTHER_PERSONA = UUID.fromString("4a1f2b3c-5d6e-4f70-9b8c-1d2e3f4a5b6c");
    public static final UUID OTHER_LINK = UUID.fromString("ac3e8f52-7d4b-4a6f-9e8d-2b3c4d5e6f70");

    public static final UUID EMBED_LINK = UUID.fromString("b4c5d6e7-8f90-4a1b-9c2d-3e4f5a6b7c8d");
    public static final String EMBED_TOKEN = "sh_EmbedLinkToken00000001";
    public static final String DISABLED_TOKEN = "sh_DisabledLinkToken00001";
    public static final long RESULT = 1001;
    public static final long OTHER_RESULT = 2002;
    public static final String SHARE_TOKEN = "ContractShareToken00000000000001";
    public static final String EXPIRED_SHARE_TOKEN = "ContractExpiredToken000000000001";
    public static final String OTHER_API_KEY_SECRET = "sk_OtherOrgKey00000000000000000001";

    public static final long AUDIT_EVENT = 900_000_001L;

    public static final UUID WEBHOOK_ENDPOINT = UUID.fromString("e1b2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    public static final UUID OTHER_WEBHOOK_ENDPOINT = UUID.fromString("a3d4e5f6-7b8c-4d9e-8f0a-2b3c4d5e6f70");
    public static final UUID WEBHOOK_EVENT = UUID.fromString("f2c3d4e5-6a7b-4c8d-9e0f-1a2b3c4d5e6f");

    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-04-20T10:00:00Z");
    private static final OffsetDateTime EXPIRES = OffsetDateTime.parse("2036-04-27T10:00:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.sharelinks.platform.crypto.SecretBox secretBox;

    public static final String SIGNING_KEY = "contract-signing-key-1";
    public static final String LAUNCH_URL = "https://app.contract.example/start";

    @BeforeEach
    void fixtures() {
        RestAssuredMockMvc.mockMvc(mvc);
        jdbc.sql("delete from organizations where id in (:ids)")
                .param("ids", java.util.List.of(ORG, OTHER_ORG))
                .update();
        organization(ORG, "Contract Co", true, true, "reports.contract.example");
        organization(OTHER_ORG, "Other Co", false, false, null);
        apiKey(API_KEY, ORG, "contract key", API_KEY_SECRET);
        apiKey(SPARE_API_KEY, ORG, "spare key", "sk_SpareKeyToRevoke00000000000000001");
        jdbc.sql("update organizations set launch_url = :url where id = :id")
                .param("url", LAUNCH_URL)
                .param("id", ORG)
                .update();
        // the key that signs session grants, made a day before NOW; and Other Co's Anam key
        jdbc.sql("delete from signing_keys").update();
        signingKey();
        jdbc.sql("""
                        insert into organization_anam_credentials (organization_id, api_key_encrypted, base_url, updated_at)
                        values (:org, :key, 'https://api.anam.example', :at)""")
                .param("org", OTHER_ORG)
                .param("key", secretBox.seal("anam_OtherCoKey0000000000000001"))
                .param("at", CREATED)
                .update();
        jdbc.sql("""
                        insert into organization_logos (organization_id, content_type, data_base64, sha256, updated_at)
                        values (:org, 'image/png', 'iVBORw0KGgo=', :sha, :at)""")
                .param("org", OTHER_ORG)
                .param("sha", "0".repeat(64))
                .param("at", CREATED)
                .update();
        persona(PERSONA, ORG, "Support persona");
        persona(OTHER_PERSONA, OTHER_ORG, "Other persona");
        link(LINK, ORG, PERSONA, "Support persona", LINK_TOKEN);
        link(OTHER_LINK, OTHER_ORG, OTHER_PERSONA, "Other persona", "sh_OtherOrgLinkToken000001");
        link(EMBED_LINK, ORG, PERSONA, "Support persona", EMBED_TOKEN);
        jdbc.sql(
                        "update share_links set link_type = 'PLAYER_EMBED', allowed_origins = 'https://shop.contract.example' where id = :id")
                .param("id", EMBED_LINK)
                .update();
        link(UUID.fromString("c5d6e7f8-9a0b-4b1c-8d2e-4f5a6b7c8d9e"), ORG, PERSONA, "Support persona", DISABLED_TOKEN);
        jdbc.sql("update share_links set enabled = false where token = :t")
                .param("t", DISABLED_TOKEN)
                .update();
        apiKey(UUID.fromString("7a3f4e5d-6c7b-48a9-9c8d-7e6f5a4b3c2d"), OTHER_ORG, "other key", OTHER_API_KEY_SECRET);
        result(RESULT, ORG, "{\"id\": 1001, \"status\": \"passed\", \"score\": 0.93}");
        result(OTHER_RESULT, OTHER_ORG, "{\"id\": 2002, \"status\": \"failed\"}");
        shareToken(RESULT, SHARE_TOKEN, EXPIRES);
        shareToken(RESULT, EXPIRED_SHARE_TOKEN, CREATED.minusDays(1));
        webhookEndpoint(WEBHOOK_ENDPOINT, ORG, "https://hooks.contract.example/sharelinks", "Contract hooks");
        webhookEndpoint(OTHER_WEBHOOK_ENDPOINT, OTHER_ORG, "https://hooks.other.example/", null);
        jdbc.sql("""
                        insert into webhook_deliveries (event_id, endpoint_id, organization_id, event_type, payload,
                            created_at, status, attempts, round_attempts, next_attempt_at)
                        values (:event, :endpoint, :org, 'share_link.session_started', '{}', :at, 'DELIVERED', 1, 1, null)""")
                .param("event", WEBHOOK_EVENT)
                .param("endpoint", WEBHOOK_ENDPOINT)
                .param("org", ORG)
                .param("at", CREATED.minusHours(1))
                .update();
        jdbc.sql("""
                        insert into webhook_attempts (event_id, endpoint_id, number, attempted_at, status, latency_ms,
                            response, error)
                        values (:event, :endpoint, 1, :at, 200, 42, 'ok', null)""")
                .param("event", WEBHOOK_EVENT)
                .param("endpoint", WEBHOOK_ENDPOINT)
                .param("at", CREATED.minusHours(1))
                .update();
        // three counted uses of LINK in the use log (the day before NOW and NOW's day), one of Other Co's
        use("2026-04-19T08:10:00Z", ORG, LINK, PERSONA, null, "news.contract.example", "Chrome", false);
        use("2026-04-19T09:40:00Z", ORG, LINK, PERSONA, "shop.contract.example", null, "Firefox", false);
        use("2026-04-20T09:05:00Z", ORG, LINK, PERSONA, null, null, "Googlebot", true);
        use("2026-04-19T12:00:00Z", OTHER_ORG, OTHER_LINK, OTHER_PERSONA, null, null, "Chrome", false);
        // one recorded change from the day before NOW, with an id above any the contracts' own changes get
        jdbc.sql("delete from audit_events where id = :id")
                .param("id", AUDIT_EVENT)
                .update();
        jdbc.sql("""
                insert into audit_events (id, occurred_at, organization_id, actor_type, actor_id, action, target_type,
                    target_id, changes)
                values (:id, :at, :org, 'api_key', :key, 'share_link.updated', 'share_link', :link,
                    '{"usageLimit":{"from":10,"to":25}}')""")
                .param("id", AUDIT_EVENT)
                .param("at", CREATED.minusDays(1))
                .param("org", ORG)
                .param("key", API_KEY)
                .param("link", LINK.toString())
                .update();
    }

    private void use(
            String at, UUID org, UUID link, UUID persona, String origin, String referrer, String agent, boolean bot) {
        Instant usedAt = Instant.parse(at);
        jdbc.sql("""
                        insert into link_uses (session_id, organization_id, link_id, persona_id, used_at, slot,
                            origin_host, referrer_host, agent_family, bot)
                        values (:session, :org, :link, :persona, :at, :slot, :origin, :referrer, :agent, :bot)""")
                .param("session", UUID.randomUUID())
                .param("org", org)
                .param("link", link)
                .param("persona", persona)
                .param("at", usedAt.atOffset(ZoneOffset.UTC))
                .param("slot", usedAt.toEpochMilli() / (15 * 60 * 1000))
                .param("origin", origin)
                .param("referrer", referrer)
                .param("agent", agent)
                .param("bot", bot)
                .update();
    }

    private void webhookEndpoint(UUID id, UUID org, String url, String description) {
        jdbc.sql("""
                        insert into webhook_endpoints (id, organization_id, url, description, enabled, secret_encrypted,
                            created_at, updated_at)
                        values (:id, :org, :url, :description, true, :secret, :at, :at)""")
                .param("id", id)
                .param("org", org)
                .param("url", url)
                .param("description", description)
                .param("secret", secretBox.seal("whsec_Y29udHJhY3Qtd2ViaG9vay1zZWNyZXQtMzItYnl0ZSE="))
                .param("at", CREATED)
                .update();
        for (String type : java.util.List.of("share_link.session_started", "share_link.exhausted")) {
            jdbc.sql(
                            "insert into webhook_subscriptions (endpoint_id, organization_id, event_type) values (:id, :org, :type)")
                    .param("id", id)
                    .param("org", org)
                    .param("type", type)
                    .update();
        }
    }

    private void signingKey() {
        try {
            var key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                    .keyID(SIGNING_KEY)
                    .generate();
            jdbc.sql("""
                            insert into signing_keys (kid, public_jwk, private_jwk_encrypted, created_at)
                            values (:kid, :public, :private, :created)""")
                    .param("kid", SIGNING_KEY)
                    .param("public", key.toPublicJWK().toJSONString())
                    .param("private", secretBox.seal(key.toJSONString()))
                    .param("created", CREATED.minusDays(1))
                    .update();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void result(long id, UUID org, String document) {
        jdbc.sql(
                        "insert into results (id, organization_id, document, created_at, updated_at) values (:id, :org, :doc, :created, :created)")
                .param("id", id)
                .param("org", org)
                .param("doc", document)
                .param("created", CREATED)
                .update();
    }

    private void shareToken(long result, String token, OffsetDateTime expireAt) {
        jdbc.sql(
                        "insert into result_share_tokens (id, result_id, token_hash, expire_at, created_at) values (:id, :result, :hash, :expire, :created)")
                .param("id", UUID.randomUUID())
                .param("result", result)
                .param("hash", SecretTokens.sha256(token))
                .param("expire", expireAt)
                .param("created", CREATED)
                .update();
    }

    private void organization(UUID id, String name, boolean removeWatermark, boolean whitelabel, String domain) {
        jdbc.sql("""
                insert into organizations (id, name, plan_remove_watermark, plan_whitelabel_reports, custom_domain, created_at)
                values (:id, :name, :rw, :wl, :domain, :created)""")
                .param("id", id)
                .param("name", name)
                .param("rw", removeWatermark)
                .param("wl", whitelabel)
                .param("domain", domain)
                .param("created", CREATED)
                .update();
    }

    private void apiKey(UUID id, UUID org, String name, String secret) {
        jdbc.sql(
                        "insert into api_keys (id, organization_id, name, key_hash, created_at) values (:id, :org, :name, :hash, :created)")
                .param("id", id)
                .param("org", org)
                .param("name", name)
                .param("hash", SecretTokens.sha256(secret))
                .param("created", CREATED)
                .update();
    }

    private void persona(UUID id, UUID org, String name) {
        jdbc.sql("insert into personas (id, organization_id, name, created_at) values (:id, :org, :name, :created)")
                .param("id", id)
                .param("org", org)
                .param("name", name)
                .param("created", CREATED)
                .update();
    }

    private void link(UUID id, UUID org, UUID persona, String personaName, String token) {
        jdbc.sql("""
                insert into share_links (id, organization_id, persona_id, persona_name, token, link_type, expires_at,
                    usage_limit, usage_count, created_at, updated_at)
                values (:id, :org, :persona, :name, :token, 'LINK', :expires, 10, 0, :created, :created)""")
                .param("id", id)
                .param("org", org)
                .param("persona", persona)
                .param("name", personaName)
                .param("token", token)
                .param("expires", EXPIRES)
                .param("created", CREATED)
                .update();
    }
}
