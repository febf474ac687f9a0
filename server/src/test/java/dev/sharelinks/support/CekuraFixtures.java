package dev.sharelinks.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Stores Cekura results through the operator API, with ids no other test uses. */
public final class CekuraFixtures {

    private static final AtomicInteger NEXT_ID = new AtomicInteger(100_000 + (int) (Math.random() * 1_000_000));

    private CekuraFixtures() {}

    public static int storeResult(MockMvc mvc, UUID organizationId, String document) throws Exception {
        int id = NEXT_ID.incrementAndGet();
        mvc.perform(put("/admin/v1/organizations/{org}/results/{id}", organizationId, id)
                        .header("Authorization", "Bearer " + TestOrganization.ADMIN_TOKEN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(document))
                .andExpect(status().isOk());
        return id;
    }

    /** A shareable-link token for the result, made with the organisation's API key (Cekura's create, no body). */
    public static String shareToken(MockMvc mvc, String apiKey, int resultId) throws Exception {
        return JsonPath.read(
                mvc.perform(post("/test_framework/v1/results/{id}/create_shareable_link_token/", resultId)
                                .header("X-CEKURA-API-KEY", apiKey))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.token");
    }
}
