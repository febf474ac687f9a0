package dev.sharelinks.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sharelinks.specs.EffectiveSpecs;
import dev.sharelinks.specs.SpecFiles;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The spec copies of /docs name the instance they are served by as their server, and show no empty tags. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiSpecControllerTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theBuildsPlaceholderIsTheOneTheControllerReplaces() {
        assertThat(ApiSpecController.ORIGIN_PLACEHOLDER).isEqualTo(EffectiveSpecs.DOCS_ORIGIN_PLACEHOLDER);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "anam/share-links.yaml",
                "cekura/results.yaml",
                "sharelinks/admin.yaml",
                "sharelinks/owner.yaml",
                "sharelinks/public.yaml",
                "sharelinks/webhooks.yaml"
            })
    void eachSpecNamesTheOriginItWasFetchedFromAsItsOnlyServer(String name) throws Exception {
        String body = mvc.perform(get(URI.create("http://docs.test:8123/docs/specs/" + name)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode spec = SpecFiles.parse(body);

        assertThat(spec.path("servers")).hasSize(1);
        assertThat(spec.at("/servers/0/url").asText()).isEqualTo("http://docs.test:8123");
        assertThat(body).doesNotContain(ApiSpecController.ORIGIN_PLACEHOLDER);
        List<String> used = new ArrayList<>();
        SpecFiles.operations(null, spec).forEach(op -> op.node().path("tags").forEach(t -> used.add(t.asText())));
        assertThat(spec.path("tags"))
                .allSatisfy(tag -> assertThat(used).contains(tag.path("name").asText()));
        assertThat(SpecFiles.operations(null, spec))
                .as("the same operations as the effective spec")
                .hasSameSizeAs(SpecFiles.operations(null, SpecFiles.read(SpecFiles.EFFECTIVE.resolve(name))));
    }

    @Test
    void theAnamDocumentShowsOnlyItsShareLinksTag() throws Exception {
        String body = mvc.perform(get("/docs/specs/anam/share-links.yaml"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(SpecFiles.parse(body).path("tags").findValuesAsText("name")).containsExactly("Share Links");
    }

    @ParameterizedTest
    @ValueSource(strings = {"anam/nothing.yaml", "etc/passwd.yaml", "anam/share-links.yml", "anam/..%2Fpom.xml"})
    void anythingElseIsRefused(String name) throws Exception {
        int status = mvc.perform(get(URI.create("http://localhost/docs/specs/" + name)))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isIn(400, 404);
    }
}
