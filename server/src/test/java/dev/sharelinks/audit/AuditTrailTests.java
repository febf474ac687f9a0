package dev.sharelinks.audit;

import static dev.sharelinks.support.TestOrganization.admin;
import static dev.sharelinks.support.TestOrganization.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.audit.AuditEvent.TargetType;
import dev.sharelinks.support.TestOrganization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;

/**
 * Every change through every API lands in the audit trail with its actor and what changed, never a secret;
 * the operator reads it page by page with filters. Subclasses run it on H2 and on PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
abstract class AuditTrailTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail audit;

    @Test
    void everyChangeIsRecordedWithItsActorAndWhatChanged() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Audited", true, true);
        List<String> secrets = new ArrayList<>(List.of(org.apiKey()));

        String created = mvc.perform(api(org, post("/v1/share-links")).content("""
                {"personaId": "%s", "usageLimit": 10}""".formatted(org.personaId())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String link = JsonPath.read(created, "$.id");
        secrets.add(JsonPath.read(created, "$.token"));
        mvc.perform(api(org, put("/v1/share-links/{id}", link)).content("{\"usageLimit\": 20}"))
                .andExpect(status().isOk());
        // the same value again changes nothing, and records nothing
        mvc.perform(api(org, put("/v1/share-links/{id}", link)).content("{\"usageLimit\": 20}"))
                .andExpect(status().isOk());
        mvc.perform(api(org, patch("/v1/share-links/{id}/settings", link)).content("""
                {"enabled": false, "allowedOrigins": ["https://shop.example.com"], "isPrimary": true}"""))
                .andExpect(status().isOk());
        String rotated = mvc.perform(api(org, post("/v1/share-links/{id}/token", link)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        secrets.add(JsonPath.read(rotated, "$.token"));
        // a refused change leaves no trace
        mvc.perform(api(org, put("/v1/share-links/{id}", link)).content("{\"usageLimit\": -1}"))
                .andExpect(status().isBadRequest());
        mvc.perform(api(org, delete("/v1/share-links/{id}", link))).andExpect(status().isOk());

        mvc.perform(admin(put("/admin/v1/organizations/{o}/results/{r}", org.id(), 7001))
                        .content("{\"a\": 1}"))
                .andExpect(status().isOk());
        String shared = mvc.perform(post("/test_framework/v1/results/{r}/create_shareable_link_token/", 7001)
                        .header("X-CEKURA-API-KEY", org.apiKey()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        secrets.add(JsonPath.read(shared, "$.token"));
        mvc.perform(admin(put("/admin/v1/organizations/{o}/results/{r}", org.id(), 7001))
                        .content("{\"a\": 12}"))
                .andExpect(status().isOk());
        mvc.perform(admin(delete("/admin/v1/organizations/{o}/results/{r}", org.id(), 7001)))
                .andExpect(status().isNoContent());
        mvc.perform(admin(put("/admin/v1/organizations/{o}/personas/{p}", org.id(), org.personaId()))
                        .content("{\"name\": \"Renamed\"}"))
                .andExpect(status().isOk());
        mvc.perform(admin(patch("/admin/v1/organizations/{o}", org.id())).content("{\"name\": \"Audited Inc\"}"))
                .andExpect(status().isOk());
        mvc.perform(admin(delete("/admin/v1/organizations/{o}/api-keys/{k}", org.id(), org.apiKeyId())))
                .andExpect(status().isNoContent());

        String body = mvc.perform(admin(get("/admin/v1/audit-events")
                        .param("organizationId", org.id().toString())
                        .param("limit", "200")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> actions = JsonPath.read(body, "$.items[*].action");
        assertThat(actions)
                .containsExactly(
                        "api_key.revoked",
                        "organization.updated",
                        "persona.renamed",
                        "result.deleted",
                        "result.replaced",
                        "result.share_token_created",
                        "result.stored",
                        "share_link.deleted",
                        "share_link.token_rotated",
                        "share_link.settings_changed",
                        "share_link.updated",
                        "share_link.created",
                        "persona.created",
                        "api_key.created",
                        "organization.created");
        assertThat(JsonPath.<String>read(body, "$.nextCursor")).isNull();

        Map<String, Object> update = event(body, "share_link.updated");
        assertThat(JsonPath.<Object>read(update, "$.actor"))
                .isEqualTo(Map.of("type", "api_key", "id", org.apiKeyId().toString()));
        assertThat(JsonPath.<Object>read(update, "$.target")).isEqualTo(Map.of("type", "share_link", "id", link));
        assertThat(JsonPath.<Integer>read(update, "$.changes.usageLimit.from")).isEqualTo(10);
        assertThat(JsonPath.<Integer>read(update, "$.changes.usageLimit.to")).isEqualTo(20);
        // an update of usageLimit alone leaves expiresAt as it was
        assertThat(JsonPath.<Map<String, Object>>read(update, "$.changes")).containsOnlyKeys("usageLimit");

        Map<String, Object> settings = event(body, "share_link.settings_changed");
        assertThat(JsonPath.<Map<String, Object>>read(settings, "$.changes"))
                .containsOnlyKeys("enabled", "allowedOrigins", "primary");
        assertThat(JsonPath.<List<String>>read(settings, "$.changes.allowedOrigins.to"))
                .containsExactly("https://shop.example.com");
        assertThat(JsonPath.<Map<String, Object>>read(event(body, "share_link.token_rotated"), "$.changes"))
                .isEmpty();
        assertThat(JsonPath.<Boolean>read(event(body, "share_link.deleted"), "$.changes.enabled.from"))
                .isFalse();
        assertThat(JsonPath.<Integer>read(event(body, "result.replaced"), "$.changes.documentBytes.to"))
                .isEqualTo(8);
        assertThat(JsonPath.<String>read(event(body, "persona.renamed"), "$.changes.name.to"))
                .isEqualTo("Renamed");
        assertThat(JsonPath.<String>read(event(body, "organization.updated"), "$.changes.name.from"))
                .isEqualTo("Audited");
        assertThat(JsonPath.<String>read(event(body, "organization.updated"), "$.actor.type"))
                .isEqualTo("admin");
        assertThat(JsonPath.<String>read(event(body, "organization.updated"), "$.actor.id"))
                .isNull();
        for (String secret : secrets) {
            assertThat(body).doesNotContain(secret);
        }
    }

    @Test
    void personaDeletionRecordsTheLinksItTakesWithIt() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Cascade", false, false);
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            links.add(org.createLink(mvc));
        }
        mvc.perform(admin(delete("/admin/v1/organizations/{o}/personas/{p}", org.id(), org.personaId())))
                .andExpect(status().isNoContent());
        String body = mvc.perform(admin(get("/admin/v1/audit-events")
                        .param("organizationId", org.id().toString())
                        .param("action", "share_link.deleted")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].target.id"))
                .containsExactlyInAnyOrderElementsOf(links);
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].actor.type")).containsOnly("admin");
    }

    @Test
    void pagesAndFilters() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Paged", false, false);
        TestOrganization other = TestOrganization.create(mvc, "Other", false, false);
        String link = org.createLink(mvc);
        for (int i = 1; i <= 5; i++) {
            mvc.perform(api(org, put("/v1/share-links/{id}", link)).content("{\"usageLimit\": %d}".formatted(100 + i)))
                    .andExpect(status().isOk());
        }

        List<Integer> limits = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = admin(get("/admin/v1/audit-events"))
                    .param("targetId", link)
                    .param("action", "share_link.updated")
                    .param("limit", "2");
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            String page = mvc.perform(request)
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            limits.addAll(JsonPath.read(page, "$.items[*].changes.usageLimit.to"));
            cursor = JsonPath.read(page, "$.nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(limits).containsExactly(105, 104, 103, 102, 101);
        assertThat(pages).isEqualTo(3);

        String byActor = mvc.perform(admin(get("/admin/v1/audit-events"))
                        .param("actorType", "api_key")
                        .param("actorId", org.apiKeyId().toString()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(byActor, "$.items[*].target.id")).containsOnly(link);
        String otherOnly = mvc.perform(admin(get("/admin/v1/audit-events"))
                        .param("organizationId", other.id().toString())
                        .param("targetType", "organization"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<String>>read(otherOnly, "$.items[*].target.id"))
                .containsExactly(other.id().toString());
        String future = mvc.perform(admin(get("/admin/v1/audit-events")).param("since", "2999-01-01T00:00:00Z"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Object>>read(future, "$.items")).isEmpty();
        String past = mvc.perform(admin(get("/admin/v1/audit-events")).param("until", "2000-01-01T00:00:00Z"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Object>>read(past, "$.items")).isEmpty();
    }

    @Test
    void badQueriesAreClearErrors() throws Exception {
        for (var bad : List.of(
                Map.of("cursor", "abc"),
                Map.of("cursor", "-5"),
                Map.of("limit", "0"),
                Map.of("limit", "201"),
                Map.of("organizationId", "not-a-uuid"),
                Map.of("targetType", "planet"),
                Map.of("since", "yesterday"))) {
            var request = admin(get("/admin/v1/audit-events"));
            bad.forEach(request::param);
            mvc.perform(request)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("Bad Request"))
                    .andExpect(jsonPath("$.message").isString());
        }
        mvc.perform(get("/admin/v1/audit-events")).andExpect(status().isUnauthorized());
    }

    @Test
    void aRecordCannotBeWrittenOutsideTheChangesTransaction() {
        assertThatThrownBy(() ->
                        audit.record(UUID.randomUUID(), TargetType.SHARE_LINK, "x", "share_link.created", Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    private static Map<String, Object> event(String body, String action) {
        List<Map<String, Object>> matches = JsonPath.read(body, "$.items[?(@.action == '" + action + "')]");
        assertThat(matches).as(action).hasSize(1);
        return matches.get(0);
    }
}
