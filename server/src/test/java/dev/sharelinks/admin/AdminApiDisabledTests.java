package dev.sharelinks.admin;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** With SHARELINKS_ADMIN_TOKEN unset, the operator API refuses everything, whatever token is sent. */
@SpringBootTest(properties = "sharelinks.admin-token=")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AdminApiDisabledTests {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer ", "Bearer test-admin-token", "Bearer null"})
    void everythingIsRefused(String authorization) throws Exception {
        var request = post("/admin/v1/organizations")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"x\"}");
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        mvc.perform(request)
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("SHARELINKS_ADMIN_TOKEN")));
    }
}
