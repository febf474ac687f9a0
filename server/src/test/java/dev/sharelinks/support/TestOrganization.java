package dev.sharelinks.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** An organisation with one API key and one persona, set up through the operator API as a user would. */
public record TestOrganization(UUID id, UUID apiKeyId, String apiKey, UUID personaId, String personaName) {

    public static final String ADMIN_TOKEN = "test-admin-token";

    public static TestOrganization create(MockMvc mvc, String name, boolean removeWatermark, boolean whitelabel)
            throws Exception {
        return create(mvc, name, removeWatermark, whitelabel, null);
    }

    public static TestOrganization create(
            MockMvc mvc, String name, boolean removeWatermark, boolean whitelabel, String customDomain)
            throws Exception {
        String org = mvc.perform(post("/admin/v1/organizations")
                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"name": "%s", "plan": {"removeWatermark": %s, "whitelabelReports": %s}, "customDomain": %s}""".formatted(
                                        name,
                                        removeWatermark,
                                        whitelabel,
                                        customDomain == null ? "null" : "\"" + customDomain + "\"")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID orgId = UUID.fromString(JsonPath.read(org, "$.id"));
        String key = mvc.perform(post("/admin/v1/organizations/{org}/api-keys", orgId)
                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"test key\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        UUID personaId = UUID.randomUUID();
        String personaName = name + " persona";
        mvc.perform(put("/admin/v1/organizations/{org}/personas/{persona}", orgId, personaId)
                        .header("Authorization", "Bearer " + ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + personaName + "\"}"))
                .andExpect(status().isOk());
        return new TestOrganization(
                orgId,
                UUID.fromString(JsonPath.read(key, "$.id")),
                JsonPath.read(key, "$.key"),
                personaId,
                personaName);
    }

    public String bearer() {
        return "Bearer " + apiKey;
    }

    /** A request with the operator's token, sending JSON. */
    public static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(MediaType.APPLICATION_JSON);
    }

    /** Creates a share link for this organisation's persona through the Anam API; returns its id. */
    public String createLink(MockMvc mvc) throws Exception {
        return JsonPath.read(
                mvc.perform(api(this, post("/v1/share-links"))
                                .content("{\"personaId\": \"%s\"}".formatted(personaId())))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    /**
     * Creates a share link with this many uses (null: unlimited) through the Anam API; returns its token.
     */
    public String createLinkToken(MockMvc mvc, Integer usageLimit) throws Exception {
        String limit = usageLimit == null ? "" : ", \"usageLimit\": " + usageLimit;
        return JsonPath.read(
                mvc.perform(api(this, post("/v1/share-links"))
                                .content("{\"personaId\": \"%s\"%s}".formatted(personaId(), limit)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.token");
    }

    /** A request with this organisation's API key, sending JSON. */
    public static MockHttpServletRequestBuilder api(TestOrganization org, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", org.bearer()).contentType(MediaType.APPLICATION_JSON);
    }
}
