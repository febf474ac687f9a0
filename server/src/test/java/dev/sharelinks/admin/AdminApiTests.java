package dev.sharelinks.admin;

import static dev.sharelinks.support.TestOrganization.admin;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.TestOrganization;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void organisationLifecycle() throws Exception {
        String created = mvc.perform(admin(post("/admin/v1/organizations")).content("""
                {"name": "Initech", "plan": {"removeWatermark": true, "whitelabelReports": false},
                 "customDomain": "reports.initech.example"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Initech"))
                .andExpect(jsonPath("$.plan.removeWatermark").value(true))
                .andExpect(jsonPath("$.plan.whitelabelReports").value(false))
                .andExpect(jsonPath("$.customDomain").value("reports.initech.example"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");

        mvc.perform(admin(patch("/admin/v1/organizations/{id}", id))
                        .content("{\"plan\": {\"whitelabelReports\": true}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.removeWatermark").value(true))
                .andExpect(jsonPath("$.plan.whitelabelReports").value(true))
                .andExpect(jsonPath("$.customDomain").value("reports.initech.example"));
        mvc.perform(admin(patch("/admin/v1/organizations/{id}", id)).content("{\"customDomain\": null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customDomain").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.name").value("Initech"));
        mvc.perform(admin(get("/admin/v1/organizations/{id}", id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan.whitelabelReports").value(true));
        mvc.perform(admin(get("/admin/v1/organizations/{id}", UUID.randomUUID())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("Not Found"));
    }

    @Test
    void apiKeysAreShownOnceAndRevocable() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Keys", false, false);
        String issued = mvc.perform(admin(post("/admin/v1/organizations/{id}/api-keys", org.id()))
                        .content("{\"name\": \"ci\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.key").value(matchesPattern("sk_[0-9A-Za-z]{32}")))
                .andExpect(jsonPath("$.name").value("ci"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String keyId = JsonPath.read(issued, "$.id");
        mvc.perform(admin(delete("/admin/v1/organizations/{id}/api-keys/{key}", org.id(), keyId)))
                .andExpect(status().isNoContent());
        mvc.perform(admin(delete("/admin/v1/organizations/{id}/api-keys/{key}", org.id(), keyId)))
                .andExpect(status().isNotFound());
        // another organisation's key cannot be revoked through this one
        TestOrganization other = TestOrganization.create(mvc, "Other", false, false);
        mvc.perform(admin(delete("/admin/v1/organizations/{id}/api-keys/{key}", org.id(), other.apiKeyId())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/v1/share-links").header("Authorization", other.bearer()))
                .andExpect(status().isOk());
    }

    @Test
    void personaIdsBelongToOneOrganisation() throws Exception {
        TestOrganization a = TestOrganization.create(mvc, "A", false, false);
        TestOrganization b = TestOrganization.create(mvc, "B", false, false);
        mvc.perform(admin(put("/admin/v1/organizations/{org}/personas/{p}", b.id(), a.personaId()))
                        .content("{\"name\": \"stolen\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("Conflict"));
        mvc.perform(admin(delete("/admin/v1/organizations/{org}/personas/{p}", b.id(), a.personaId())))
                .andExpect(status().isNotFound());
        mvc.perform(admin(put("/admin/v1/organizations/{org}/personas/{p}", a.id(), a.personaId()))
                        .content("{\"name\": \"Renamed\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed"))
                .andExpect(jsonPath("$.organizationId").value(a.id().toString()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"name\": \"\"}",
                "{\"name\": 5}",
                "{\"name\": \"x\", \"customDomain\": \"not a domain\"}",
                "{\"name\": \"x\", \"plan\": {\"removeWatermark\": \"yes\"}}",
                "{"
            })
    void badOrganisationsAre400(String body) throws Exception {
        mvc.perform(admin(post("/admin/v1/organizations")).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Bad Request"))
                .andExpect(jsonPath("$.message").isString());
    }

    @Test
    void missingOrWrongAdminTokenIs401() throws Exception {
        mvc.perform(get("/admin/v1/organizations/{id}", UUID.randomUUID()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("Missing admin token"));
        mvc.perform(get("/admin/v1/organizations/{id}", UUID.randomUUID()).header("Authorization", "Bearer nope"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("Invalid admin token"));
        TestOrganization org = TestOrganization.create(mvc, "Keyholder", false, false);
        // an organisation's API key is not an admin token
        mvc.perform(get("/admin/v1/organizations/{id}", org.id()).header("Authorization", org.bearer()))
                .andExpect(status().isUnauthorized());
    }
}
