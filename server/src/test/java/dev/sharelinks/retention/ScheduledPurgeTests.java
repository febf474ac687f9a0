package dev.sharelinks.retention;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.sharelinks.support.TestOrganization;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The purge really is scheduled: with no retention and a short interval, a used-up link disappears by itself. */
@SpringBootTest(properties = {"sharelinks.retention.period=0s", "sharelinks.retention.purge-interval=200ms"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ScheduledPurgeTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theSchedulerPurgesEndedLinks() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Scheduled", false, false);
        String created = mvc.perform(post("/v1/share-links")
                        .header("Authorization", org.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personaId\": \"%s\", \"usageLimit\": 1}".formatted(org.personaId())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        mvc.perform(post("/v1/public/share-links/{t}/sessions", JsonPath.<String>read(created, "$.token")))
                .andExpect(status().isCreated());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> mvc.perform(get("/v1/share-links/{id}", id).header("Authorization", org.bearer()))
                        .andExpect(status().isNotFound()));
    }
}
