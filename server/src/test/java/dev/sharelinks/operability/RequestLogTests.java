package dev.sharelinks.operability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.TestOrganization;
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

/** A request id on every response and log line, one line per request, and no token or key in the logs. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTests {

    @Autowired
    MockMvc mvc;

    @Test
    void everyRequestIsLoggedOnceWithItsIdAndWithoutSecrets(CapturedOutput output) throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Logged", false, false);
        String link = mvc.perform(post("/v1/share-links")
                        .header("Authorization", org.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personaId\": \"" + org.personaId() + "\"}"))
                .andExpect(header().exists("X-Request-Id"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(link, "$.token");

        mvc.perform(get("/share/{t}", token).header("X-Request-Id", "trace-42"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Request-Id", "trace-42"));
        mvc.perform(post("/v1/public/share-links/{t}/sessions", token).header("X-Request-Id", "bad id\nwith newline"))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
        mvc.perform(get("/v1/share-links").param("search", token).header("Authorization", org.bearer()))
                .andExpect(status().isOk());

        String logs = output.getAll();
        assertThat(logs)
                .contains("[trace-42]")
                .contains("GET /share/*** 200")
                .contains("POST /v1/public/share-links/***/sessions 201")
                .contains("GET /v1/share-links 200");
        assertThat(logs.lines().filter(l -> l.contains("GET /share/*** 200"))).hasSize(1);
        assertThat(logs).doesNotContain(token).doesNotContain(org.apiKey()).doesNotContain("bad id");
    }
}
