package dev.sharelinks.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.sharelinks.support.TestOrganization;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The console's sign-in, session and forms: CSRF on every POST, the idle timeout, the CSP. */
@SpringBootTest(properties = "sharelinks.console.idle-timeout=7m")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ConsoleSecurityTests {

    @Autowired
    MockMvc mvc;

    /** The CSRF token the page's forms carry, read from the page as a browser has it. */
    private String csrfOf(String path, MockHttpSession session) throws Exception {
        String html = mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(token.find()).as("a CSRF field on " + path).isTrue();
        return token.group(1);
    }

    private MockHttpSession signedIn() throws Exception {
        MockHttpSession anonymous = new MockHttpSession();
        HttpSession session = mvc.perform(post("/console/sign-in")
                        .session(anonymous)
                        .param("_csrf", csrfOf("/console/sign-in", anonymous))
                        .param("token", TestOrganization.ADMIN_TOKEN))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console"))
                .andReturn()
                .getRequest()
                .getSession();
        return (MockHttpSession) session;
    }

    @Test
    void signingInNeedsTheAdminTokenAndTheFormsCsrfToken() throws Exception {
        mvc.perform(get("/console")).andExpect(status().isFound()).andExpect(redirectedUrl("/console/sign-in"));
        mvc.perform(post("/console/sign-in").param("token", TestOrganization.ADMIN_TOKEN))
                .andExpect(status().isForbidden());
        MockHttpSession visitor = new MockHttpSession();
        mvc.perform(post("/console/sign-in")
                        .session(visitor)
                        .param("_csrf", csrfOf("/console/sign-in", visitor))
                        .param("token", "wrong"))
                // MockMvc does not follow forwards: the 401 page itself is the browser test's
                .andExpect(forwardedUrl("/console/sign-in/refused"));
        mvc.perform(get("/console/sign-in/refused")).andExpect(status().isUnauthorized());
        MockHttpSession session = signedIn();
        assertThat(session.getMaxInactiveInterval()).isEqualTo(7 * 60);
        mvc.perform(get("/console").session(session))
                .andExpect(status().isOk())
                .andExpect(header().string(
                                "Content-Security-Policy",
                                org.hamcrest.Matchers.allOf(
                                        org.hamcrest.Matchers.containsString("form-action 'self'"),
                                        org.hamcrest.Matchers.containsString("script-src 'self';"),
                                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe")))))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void everyActionNeedsTheSessionsCsrfToken() throws Exception {
        TestOrganization org = TestOrganization.create(mvc, "Guarded", false, false);
        String link = org.createLink(mvc);
        MockHttpSession session = signedIn();
        mvc.perform(post("/console/organizations/{o}/api-keys/{k}/revoke", org.id(), org.apiKeyId())
                        .session(session))
                .andExpect(status().isForbidden());
        mvc.perform(get("/v1/share-links").header("Authorization", org.bearer()))
                .andExpect(status().isOk());
        mvc.perform(post("/console/organizations/{o}/api-keys/{k}/revoke", org.id(), org.apiKeyId())
                        .session(session)
                        .param("_csrf", csrfOf("/console/organizations/" + org.id(), session)))
                .andExpect(status().isSeeOther());
        mvc.perform(get("/v1/share-links").header("Authorization", org.bearer()))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/console/organizations/{o}/links/{l}/enabled", org.id(), link)
                        .session(session)
                        .param("enabled", "false")
                        .param("_csrf", csrfOf("/console/organizations/" + org.id() + "/links/" + link, session)))
                .andExpect(status().isSeeOther());
        mvc.perform(get("/console/organizations/{o}/links/{l}", org.id(), link).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<dd id=\"state\">disabled</dd>")));
        // signed out, the same session opens nothing
        mvc.perform(post("/console/sign-out").session(session).param("_csrf", csrfOf("/console", session)))
                .andExpect(status().isFound());
        mvc.perform(get("/console").session(session)).andExpect(status().isFound());
    }

    @Test
    void theAssetsAreTheConsolesOwnAndNothingElseOfTheWebjar() throws Exception {
        for (String file : new String[] {"console.css", "console.js", "echarts.min.js"}) {
            mvc.perform(get("/console/assets/" + file)).andExpect(status().isOk());
        }
        mvc.perform(get("/console/assets/echarts.js")).andExpect(status().isNotFound());
        mvc.perform(get("/console/assets/echarts.js.map")).andExpect(status().isNotFound());
    }
}
