package dev.sharelinks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.CekuraFixtures;
import dev.sharelinks.support.TestOrganization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A whole session over every surface, successes and failures, with the service's loggers at DEBUG: no API
 * key, admin token, share token or Cekura token, right or wrong, appears in the captured output, and no
 * response body of an error echoes a presented secret.
 */
@SpringBootTest(properties = {"logging.level.dev.sharelinks=DEBUG", "logging.level.sharelinks=DEBUG"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class LogSecretsTests {

    @Autowired
    MockMvc mvc;

    @Test
    void noSecretReachesTheLogs(CapturedOutput output) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(TestOrganization.ADMIN_TOKEN));
        TestOrganization org = TestOrganization.create(mvc, "Quiet", true, true);
        secrets.add(org.apiKey());
        String link = mvc.perform(post("/v1/share-links")
                        .header("Authorization", org.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personaId\": \"" + org.personaId() + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(link, "$.id");
        String token = JsonPath.read(link, "$.token");
        secrets.add(token);
        mvc.perform(get("/share/{t}", token)).andExpect(status().isOk());
        mvc.perform(get("/frame/{t}", token)).andExpect(status().isOk());
        mvc.perform(get("/v1/public/share-links/{t}", token)).andExpect(status().isOk());
        mvc.perform(post("/v1/public/share-links/{t}/sessions", token)).andExpect(status().isCreated());
        String rotated = JsonPath.read(
                mvc.perform(post("/v1/share-links/{id}/token", id).header("Authorization", org.bearer()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.token");
        secrets.add(rotated);
        mvc.perform(post("/v1/public/share-links/{t}/sessions", token)).andExpect(status().isNotFound());
        mvc.perform(patch("/v1/share-links/{id}/settings", id)
                        .header("Authorization", org.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": false}"))
                .andExpect(status().isOk());
        mvc.perform(get("/share/{t}", rotated)).andExpect(status().isGone());

        int result = CekuraFixtures.storeResult(mvc, org.id(), "{\"ok\": true}");
        String resultToken = CekuraFixtures.shareToken(mvc, org.apiKey(), result);
        secrets.add(resultToken);
        mvc.perform(get("/test_framework/v1/results/{r}/", result).header("X-VOCERA-SHAREABLE-LINK-TOKEN", resultToken))
                .andExpect(status().isOk());
        mvc.perform(get("/share/result/{r}/{t}", result, resultToken)).andExpect(status().isOk());

        // wrong secrets: refused, and not written down either
        String wrongKey = "sk_WrongKeyThatLooksReal0000000001";
        String wrongAdmin = "wrong-admin-token-7f3a";
        String wrongResultToken = "WrongResultToken0000000000000001";
        secrets.addAll(List.of(wrongKey, wrongAdmin, wrongResultToken));
        for (var request : List.of(
                get("/v1/share-links").header("Authorization", "Bearer " + wrongKey),
                get("/test_framework/v1/results/{r}/", result).header("X-CEKURA-API-KEY", wrongKey),
                get("/test_framework/v1/results/{r}/", result)
                        .header("X-VOCERA-SHAREABLE-LINK-TOKEN", wrongResultToken),
                get("/admin/v1/audit-events").header("Authorization", "Bearer " + wrongAdmin))) {
            String body = mvc.perform(request)
                    .andExpect(status().isUnauthorized())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            for (String secret : secrets) {
                assertThat(body).as("error body").doesNotContain(secret);
            }
        }
        mvc.perform(get("/v1/share-links").param("search", token).header("Authorization", org.bearer()))
                .andExpect(status().isOk());

        String logs = output.getAll();
        assertThat(logs).contains("sharelinks.requests").contains("DEBUG");
        for (String secret : secrets) {
            assertThat(logs).as("logs").doesNotContain(secret);
        }
    }
}
