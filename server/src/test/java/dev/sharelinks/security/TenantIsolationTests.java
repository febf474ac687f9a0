package dev.sharelinks.security;

import static dev.sharelinks.support.TestOrganization.admin;
import static dev.sharelinks.support.TestOrganization.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.specs.SpecFiles;
import dev.sharelinks.support.CekuraFixtures;
import dev.sharelinks.support.TestOrganization;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Two organisations. Every operation of one, with its own valid key, on the other's personas, links,
 * results, keys and tokens: 404 every time (409 where the operator would register an id another
 * organisation owns), and nothing of the other organisation changes. Which operations are tried is checked
 * against the spec files, so a new operation cannot slip past.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TenantIsolationTests {

    /** Operations that act on no organisation's things: the operator's organisation reads, the public side. */
    private static final Set<String> NOT_TENANT_SCOPED = Set.of(
            "createOrganization",
            "listOrganizations",
            "getOrganization",
            "updateOrganization",
            "listAuditEvents",
            "getPublicShareLink",
            "createShareLinkSession",
            // the service's own keys: one set for everyone, the operator's to rotate
            "getJwks",
            "listSigningKeys",
            "rotateSigningKey",
            // the operator addresses one organisation by id: there is no other tenant's thing in the path
            "getAnamCredential",
            "putAnamCredential",
            "deleteAnamCredential",
            "putLogo",
            "deleteLogo",
            "listOrganizationWebhookEndpoints");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final Set<String> tried = new HashSet<>();

    @Test
    void everyOperationOnAnotherOrganisationsThingsIsNotFoundAndChangesNothing() throws Exception {
        TestOrganization mine = TestOrganization.create(mvc, "Mine", true, true);
        TestOrganization theirs = TestOrganization.create(mvc, "Theirs", true, true);
        String theirLink = theirs.createLink(mvc);
        int theirResult = CekuraFixtures.storeResult(mvc, theirs.id(), "{\"secret\": \"theirs\"}");
        int myResult = CekuraFixtures.storeResult(mvc, mine.id(), "{\"mine\": true}");
        String myToken = JsonPath.read(
                mvc.perform(post("/test_framework/v1/results/{id}/create_shareable_link_token/", myResult)
                                .header("X-CEKURA-API-KEY", mine.apiKey()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.token");
        String theirEndpoint = JsonPath.read(
                mvc.perform(
                                api(theirs, post("/v1/webhook-endpoints"))
                                        .content(
                                                "{\"url\": \"https://hooks.theirs.invalid/\", \"eventTypes\": [\"result_link.opened\"]}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        UUID theirEvent = UUID.randomUUID();
        jdbc.sql("""
                        insert into webhook_deliveries (event_id, endpoint_id, organization_id, event_type, payload,
                            created_at, status, attempts, round_attempts)
                        values (:event, :endpoint, :org, 'result_link.opened', '{}', current_timestamp, 'DELIVERED', 1, 1)""")
                .param("event", theirEvent)
                .param("endpoint", UUID.fromString(theirEndpoint))
                .param("org", theirs.id())
                .update();
        // one counted use of their link: it must never show in my organisation's usage
        String theirToken = JsonPath.read(
                mvc.perform(api(theirs, get("/v1/share-links/{id}", theirLink)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.token");
        mvc.perform(post("/v1/public/share-links/{t}/sessions", theirToken)).andExpect(status().isCreated());
        String before = rowsOf(theirs.id());
        ResultMatcher notFound = status().isNotFound();

        // Anam
        attempt(
                "listShareLinks",
                api(mine, get("/v1/share-links"))
                        .param("personaId", theirs.personaId().toString()),
                status().isOk());
        String list = mvc.perform(api(mine, get("/v1/share-links")).param("perPage", "100"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).doesNotContain(theirLink);
        assertThat(JsonPath.<List<Object>>read(
                        mvc.perform(api(mine, get("/v1/share-links"))
                                        .param("personaId", theirs.personaId().toString()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.data"))
                .isEmpty();
        attempt(
                "createShareLink",
                api(mine, post("/v1/share-links")).content("{\"personaId\": \"%s\"}".formatted(theirs.personaId())),
                notFound);
        attempt("getShareLink", api(mine, get("/v1/share-links/{id}", theirLink)), notFound);
        attempt(
                "updateShareLink",
                api(mine, put("/v1/share-links/{id}", theirLink)).content("{\"usageLimit\": 99}"),
                notFound);
        attempt("deleteShareLink", api(mine, delete("/v1/share-links/{id}", theirLink)), notFound);
        // owner API
        attempt("getShareLinkSettings", api(mine, get("/v1/share-links/{id}/settings", theirLink)), notFound);
        attempt(
                "updateShareLinkSettings",
                api(mine, patch("/v1/share-links/{id}/settings", theirLink))
                        .content("{\"enabled\": false, \"isPrimary\": true}"),
                notFound);
        attempt("rotateShareLinkToken", api(mine, post("/v1/share-links/{id}/token", theirLink)), notFound);
        // usage API
        attempt("getShareLinkUsage", api(mine, get("/v1/share-links/{id}/usage", theirLink)), notFound);
        attempt("getShareLinkQrCode", api(mine, get("/v1/share-links/{id}/qr", theirLink)), notFound);
        attempt("getPersonaUsage", api(mine, get("/v1/personas/{id}/usage", theirs.personaId())), notFound);
        attempt(
                "getOrganizationUsage",
                api(mine, get("/v1/usage")),
                jsonPath("$.total").value(0));
        // webhooks
        String endpoints = mvc.perform(api(mine, get("/v1/webhook-endpoints")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(endpoints).isEqualTo("[]");
        tried.add("listWebhookEndpoints");
        attempt(
                "createWebhookEndpoint",
                api(mine, post("/v1/webhook-endpoints"))
                        .content(
                                "{\"url\": \"https://hooks.mine.invalid/\", \"eventTypes\": [\"share_link.created\"]}"),
                status().isCreated());
        attempt("getWebhookEndpoint", api(mine, get("/v1/webhook-endpoints/{id}", theirEndpoint)), notFound);
        attempt(
                "updateWebhookEndpoint",
                api(mine, patch("/v1/webhook-endpoints/{id}", theirEndpoint)).content("{\"enabled\": false}"),
                notFound);
        attempt("deleteWebhookEndpoint", api(mine, delete("/v1/webhook-endpoints/{id}", theirEndpoint)), notFound);
        attempt("rotateWebhookSecret", api(mine, post("/v1/webhook-endpoints/{id}/secret", theirEndpoint)), notFound);
        attempt(
                "listWebhookDeliveries",
                api(mine, get("/v1/webhook-endpoints/{id}/deliveries", theirEndpoint)),
                notFound);
        attempt(
                "redeliverWebhook",
                api(mine, post("/v1/webhook-endpoints/{id}/deliveries/{e}/redeliver", theirEndpoint, theirEvent)),
                notFound);
        attempt(
                "disableOrganizationWebhookEndpoint",
                admin(post("/admin/v1/organizations/{o}/webhook-endpoints/{e}/disable", mine.id(), theirEndpoint)),
                notFound);
        // Cekura: with my key, and with a token made for my result
        for (String kind : List.of("results", "results-external")) {
            String operation = kind.equals("results") ? "create-shareable-link-token_2" : "create-shareable-link-token";
            attempt(
                    operation,
                    post("/test_framework/v1/" + kind + "/{id}/create_shareable_link_token/", theirResult)
                            .header("X-CEKURA-API-KEY", mine.apiKey()),
                    notFound);
            String read = kind.equals("results") ? "retrieve-result" : "retrieve-result-external";
            attempt(
                    read,
                    get("/test_framework/v1/" + kind + "/{id}/", theirResult).header("X-CEKURA-API-KEY", mine.apiKey()),
                    notFound);
            attempt(
                    read,
                    get("/test_framework/v1/" + kind + "/{id}/", theirResult)
                            .header("X-VOCERA-SHAREABLE-LINK-TOKEN", myToken),
                    notFound);
        }
        mvc.perform(get("/share/result/{id}/{token}", theirResult, myToken)).andExpect(notFound);
        // the operator API addressed through my organisation at their things
        attempt(
                "createApiKey",
                admin(post("/admin/v1/organizations/{o}/api-keys", UUID.randomUUID()))
                        .content("{\"name\": \"x\"}"),
                notFound);
        attempt(
                "deleteApiKey",
                admin(delete("/admin/v1/organizations/{o}/api-keys/{k}", mine.id(), theirs.apiKeyId())),
                notFound);
        attempt(
                "putPersona",
                admin(put("/admin/v1/organizations/{o}/personas/{p}", mine.id(), theirs.personaId()))
                        .content("{\"name\": \"Taken\"}"),
                status().isConflict());
        attempt(
                "deletePersona",
                admin(delete("/admin/v1/organizations/{o}/personas/{p}", mine.id(), theirs.personaId())),
                notFound);
        attempt(
                "putResult",
                admin(put("/admin/v1/organizations/{o}/results/{r}", mine.id(), theirResult))
                        .content("{\"overwritten\": true}"),
                status().isConflict());
        attempt(
                "deleteResult",
                admin(delete("/admin/v1/organizations/{o}/results/{r}", mine.id(), theirResult)),
                notFound);
        // the operator's inventory of my organisation shows nothing of theirs
        attempt(
                "listApiKeys",
                admin(get("/admin/v1/organizations/{o}/api-keys", mine.id())),
                content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                                theirs.apiKeyId().toString()))));
        attempt(
                "listPersonas",
                admin(get("/admin/v1/organizations/{o}/personas", mine.id())),
                content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                                theirs.personaId().toString()))));
        attempt(
                "listResults",
                admin(get("/admin/v1/organizations/{o}/results", mine.id())),
                jsonPath("$.data[*].id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(theirResult))));
        // my API key is no key at all for the operator API
        mvc.perform(get("/admin/v1/organizations/{o}", theirs.id()).header("Authorization", mine.bearer()))
                .andExpect(status().isUnauthorized());

        assertThat(rowsOf(theirs.id())).as("their organisation's rows").isEqualTo(before);
        Set<String> scoped = new HashSet<>();
        SpecFiles.allOperations().forEach(op -> scoped.add(op.operationId()));
        scoped.removeAll(NOT_TENANT_SCOPED);
        assertThat(tried).as("operations tried across tenants").containsExactlyInAnyOrderElementsOf(scoped);
    }

    private void attempt(String operationId, MockHttpServletRequestBuilder request, ResultMatcher expected)
            throws Exception {
        mvc.perform(request).andExpect(expected);
        tried.add(operationId);
    }

    private String rowsOf(UUID org) {
        StringBuilder rows = new StringBuilder();
        for (String table : List.of(
                "organizations where id",
                "api_keys where organization_id",
                "personas where organization_id",
                "share_links where organization_id",
                "results where organization_id",
                "organization_anam_credentials where organization_id",
                "organization_logos where organization_id",
                "webhook_endpoints where organization_id",
                "webhook_subscriptions where organization_id",
                "webhook_deliveries where organization_id",
                "link_uses where organization_id")) {
            rows.append(jdbc.sql("select * from " + table + " = :org order by 1")
                    .param("org", org)
                    .query()
                    .listOfRows());
        }
        rows.append(jdbc.sql("select t.* from result_share_tokens t join results r on r.id = t.result_id "
                        + "where r.organization_id = :org order by 1")
                .param("org", org)
                .query()
                .listOfRows());
        return rows.toString();
    }
}
